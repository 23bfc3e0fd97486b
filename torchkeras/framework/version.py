"""``tf.version``: the TensorFlow release whose behaviour torchkeras reproduces.

The values are TF 2.21.0's own (``GIT_VERSION`` and ``COMPILER_VERSION`` of TF's pip
wheel), so scripts that print or compare them see what they would under TF;
``GRAPH_DEF_VERSION*`` are TF's GraphDef versions, kept for the same reason (torchkeras
writes no GraphDefs).
"""

from ..api_export import export_value

__all__ = ["VERSION", "GIT_VERSION", "COMPILER_VERSION", "GRAPH_DEF_VERSION"]

VERSION = "2.21.0"
GIT_VERSION = "v2.21.0-rc1-5-ga481b10260d"
COMPILER_VERSION = "Clang 18.1.8"
GRAPH_DEF_VERSION = 2474
GRAPH_DEF_VERSION_MIN_CONSUMER = 0
GRAPH_DEF_VERSION_MIN_PRODUCER = 0

for _name in (
    "VERSION",
    "GIT_VERSION",
    "COMPILER_VERSION",
    "GRAPH_DEF_VERSION",
    "GRAPH_DEF_VERSION_MIN_CONSUMER",
    "GRAPH_DEF_VERSION_MIN_PRODUCER",
):
    export_value(globals()[_name], "tf.version." + _name)
