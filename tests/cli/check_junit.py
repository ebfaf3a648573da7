"""Checks a JUnit file that `slakit test --junit` wrote: it parses with
Python's XML parser, and its testsuite, testcase and failure counts are the
ones given. Usage: check_junit.py FILE TESTS FAILURES FAILED_NAME"""
import sys
import xml.etree.ElementTree as ET

path, tests, failures, failed_name = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
root = ET.parse(path).getroot()
assert root.tag == "testsuites", root.tag
assert int(root.get("tests")) == tests, root.attrib
assert int(root.get("failures")) == failures, root.attrib
suites = root.findall("testsuite")
assert len(suites) == 1, len(suites)
cases = suites[0].findall("testcase")
assert len(cases) == tests == int(suites[0].get("tests")), (len(cases), suites[0].attrib)
failed = [c for c in cases if c.find("failure") is not None]
assert len(failed) == failures == int(suites[0].get("failures")), suites[0].attrib
assert failed_name in [c.get("name") for c in failed], [c.get("name") for c in failed]
message = failed[0].find("failure").get("message")
assert "expected" in message, message
print("junit ok:", tests, "tests,", failures, "failures")
