"""Serialising the layers an ``RNN``, ``Bidirectional`` or ``TimeDistributed`` wraps (Keras'
nested form)."""


def serialize_layer(layer):
    """``{'module', 'class_name', 'config', 'registered_name'[, 'build_config']}`` for ``layer``."""
    out = {
        "module": "keras.layers",
        "class_name": type(layer).__name__,
        "config": layer.get_config(),
        "registered_name": None,
    }
    build = layer.get_build_config()
    if build is not None:
        out["build_config"] = build
    return out


def deserialize_layer(config):
    """A layer from :func:`serialize_layer`'s output (a layer object passes through)."""
    if not isinstance(config, dict):
        return config
    from ... import layers

    layer_cls = getattr(layers, config["class_name"], None)
    if layer_cls is None:
        raise ValueError(
            "Could not locate class '%s'. Make sure custom classes are decorated with "
            "`@keras.saving.register_keras_serializable()`." % config["class_name"]
        )
    return layer_cls.from_config(config["config"])


def build_sublayer(layer, input_shape):
    """Builds ``layer`` for ``input_shape`` (once), recording the shape for its ``build_config``."""
    if not layer.built:
        layer.__dict__["_build_shapes"] = tuple(input_shape)
        layer.build(tuple(input_shape))
        layer.built = True
