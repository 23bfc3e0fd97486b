"""``tf.RaggedTensor`` and the ``tf.ragged`` ops (row-splits storage over Tensors).

Importing the package registers the ragged dispatch handlers and operators."""

from . import ragged_tensor  # noqa: F401
from . import ragged_elementwise_ops  # noqa: F401
from . import ragged_gather_ops  # noqa: F401
from . import ragged_math_ops  # noqa: F401
from . import ragged_array_ops  # noqa: F401
from . import ragged_cross_ops  # noqa: F401
from . import dynamic_ragged_shape  # noqa: F401
from . import ragged_tensor_spec  # noqa: F401
from . import ragged_dispatch_ops  # noqa: F401
from . import ragged_segment_ops  # noqa: F401
from . import ragged_matmul_ops  # noqa: F401
