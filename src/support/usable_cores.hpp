// How many threads "one per core" means for this process.
//
// std::thread::hardware_concurrency counts the machine's processors, not the
// ones this process may run on: under `taskset -c 0`, a container's cpuset or
// a CI runner that pins jobs, it would start threads that only take turns on
// the same core, each with its own buffers competing for its cache.
#pragma once

namespace slakit::detail {

/// The processors this process may run on (its affinity mask where the
/// system has one, else the machine's), at least 1.
unsigned usable_cores();

}  // namespace slakit::detail
