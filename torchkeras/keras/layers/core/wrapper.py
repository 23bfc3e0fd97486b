"""``keras.layers.Wrapper``: the abstract base of layers that wrap another layer."""

from ..layer import Layer
from ....api_export import keras_export


@keras_export("keras.layers.Wrapper")
class Wrapper(Layer):
    """Holds ``layer`` (a Keras layer) as ``self.layer``; ``build`` builds it for the same input
    shape when it is not built yet, and the config carries it serialised under ``'layer'``.
    Subclasses (``TimeDistributed``, ``SpectralNormalization``) write ``call``."""

    def __init__(self, layer, **kwargs):
        if not isinstance(layer, Layer):
            raise ValueError(
                "Layer %s supplied to Wrapper isn't a supported layer type. Please ensure wrapped "
                "layer is a valid Keras layer." % (layer,)
            )
        super().__init__(**kwargs)
        self.layer = layer

    def build(self, input_shape=None):
        if not self.layer.built:
            self.layer.__dict__["_build_shapes"] = input_shape
            self.layer.build(input_shape)
            self.layer.built = True
        self.built = True

    def get_config(self):
        from ...saving.serialization_lib import serialize_keras_object

        config = super().get_config()
        config["layer"] = serialize_keras_object(self.layer)
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from ...saving.serialization_lib import deserialize_keras_object

        config = dict(config)
        layer = deserialize_keras_object(config.pop("layer"), custom_objects=custom_objects)
        return super().from_config(dict(config, layer=layer))
