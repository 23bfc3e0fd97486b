"""Keras' global configuration: default float type, fuzz factor, image layout."""

from ...api_export import keras_export

_state = {"floatx": "float32", "epsilon": 1e-7, "image_data_format": "channels_last"}


@keras_export("keras.config.floatx", "keras.backend.floatx")
def floatx():
    """The default float type name (``'float32'``), as ``keras.config.floatx()``."""
    return _state["floatx"]


@keras_export("keras.config.set_floatx", "keras.backend.set_floatx")
def set_floatx(value):
    """Sets the default float type: ``'float16'``, ``'bfloat16'``, ``'float32'`` or
    ``'float64'``."""
    accepted = ("bfloat16", "float16", "float32", "float64")
    if value not in accepted:
        raise ValueError("Unknown `floatx` value: %s. Expected one of %s" % (value, set(accepted)))
    _state["floatx"] = str(value)


@keras_export("keras.config.epsilon", "keras.backend.epsilon")
def epsilon():
    """The fuzz factor used in numeric expressions (``1e-07``)."""
    return _state["epsilon"]


@keras_export("keras.config.set_epsilon", "keras.backend.set_epsilon")
def set_epsilon(value):
    """Sets the fuzz factor."""
    _state["epsilon"] = value


@keras_export("keras.config.image_data_format", "keras.backend.image_data_format")
def image_data_format():
    """``'channels_last'`` (Keras' default)."""
    return _state["image_data_format"]


@keras_export("keras.config.set_image_data_format", "keras.backend.set_image_data_format")
def set_image_data_format(data_format):
    """Sets ``'channels_last'`` or ``'channels_first'``."""
    data_format = str(data_format).lower()
    if data_format not in ("channels_first", "channels_last"):
        raise ValueError(
            "The `data_format` argument must be one of {'channels_first', 'channels_last'}. "
            "Received: data_format=%s" % data_format
        )
    _state["image_data_format"] = data_format


@keras_export("keras.config.backend", "keras.backend.backend")
def backend():
    """The backend name.  Keras would say ``'tensorflow'``; torchkeras runs on torch but
    reproduces TensorFlow's, so it answers ``'tensorflow'`` too."""
    return "tensorflow"
