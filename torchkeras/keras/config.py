"""``keras.config``: Keras' global settings (default float type, fuzz factor, image layout, dtype
policy, interactive logging).  ``backend()`` answers ``'tensorflow'``: torchkeras reproduces
Keras on the TensorFlow backend."""
from .backend.config import (backend, epsilon, floatx, image_data_format, set_epsilon, set_floatx,
                             set_image_data_format)
from .mixed_precision.policy import global_policy as dtype_policy
from .mixed_precision.policy import set_global_policy as set_dtype_policy
from .saving.serialization_lib import enable_unsafe_deserialization
from .backend.traceback_utils import (disable_traceback_filtering, enable_traceback_filtering,
                                      is_traceback_filtering_enabled)
from .utils.io_utils import disable_interactive_logging, enable_interactive_logging, is_interactive_logging_enabled

__all__ = ["backend", "disable_interactive_logging", "dtype_policy", "enable_interactive_logging",
           "enable_unsafe_deserialization", "epsilon", "floatx", "image_data_format", "is_interactive_logging_enabled",
           "set_dtype_policy", "set_epsilon", "set_floatx", "set_image_data_format",
           "enable_traceback_filtering", "disable_traceback_filtering",
           "is_traceback_filtering_enabled"]
