import os
from typing import Callable, Mapping, Optional, Union

from ._core import Calendar as Calendar
from ._core import Diagnostic as Diagnostic
from ._core import Error as Error
from ._core import InvalidArgument as InvalidArgument
from ._core import RangeError as RangeError
from ._core import RuleError as RuleError
from ._core import RuleSet as RuleSet
from ._core import TicketError as TicketError
from ._core import __version__ as __version__

def load(*paths: Union[str, "os.PathLike[str]"]) -> RuleSet: ...
def loads(text: str, name: str = "<string>", *, files: Optional[Mapping[str, str]] = None,
          loader: Optional[Callable[[str], Optional[str]]] = None) -> RuleSet: ...

__all__: list[str]
