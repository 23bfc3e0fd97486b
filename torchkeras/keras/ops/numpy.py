"""``keras.ops.numpy``: the NumPy-like ops (also at ``keras.ops`` top level)."""
from ._numpy_array import *  # noqa: F401,F403
from ._numpy_array import __all__ as _array
from ._numpy_elementwise import *  # noqa: F401,F403
from ._numpy_elementwise import __all__ as _elementwise
from ._numpy_extra import *  # noqa: F401,F403
from ._numpy_extra import __all__ as _extra
from ._numpy_more import *  # noqa: F401,F403
from ._numpy_more import __all__ as _more
from ._numpy_reduction import *  # noqa: F401,F403
from ._numpy_reduction import __all__ as _reduction

__all__ = list(_array) + list(_elementwise) + list(_extra) + list(_more) + list(_reduction)
