"""``keras.backend``: global Keras settings (float type, epsilon, session state)."""
from .config import epsilon, floatx, image_data_format, set_epsilon, set_floatx, set_image_data_format, backend
from .naming import clear_session
from .keras_tensor import KerasTensor, is_keras_tensor
from ..ops._dtypes import result_type, standardize_dtype

__all__ = ["epsilon", "floatx", "image_data_format", "set_epsilon", "set_floatx",
           "set_image_data_format", "backend", "clear_session", "KerasTensor", "is_keras_tensor", "result_type", "standardize_dtype"]
