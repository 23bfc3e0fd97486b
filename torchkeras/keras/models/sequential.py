"""``keras.Sequential``: a linear stack of layers."""

from ..backend import naming
from ..backend.keras_tensor import KerasTensor
from ..layers.core.input_layer import InputLayer
from ..layers import mask_propagation
from ..layers.layer import Layer
from .functional import Functional
from .model import Model
from ...api_export import keras_export


@keras_export("keras.Sequential", "keras.models.Sequential")
class Sequential(Model):
    """Layers applied one after the other.

    Built as soon as the input shape is known (a ``keras.Input`` first, a
    first layer given ``input_shape=``, ``build(input_shape)``, or the first
    call, whose concrete shape is used, as in Keras); then ``inputs``,
    ``outputs`` and every layer's output shape are known.  ``layers`` excludes
    the InputLayer.
    """

    def __init__(self, layers=None, trainable=True, name=None):
        super().__init__(trainable=trainable, name=name)
        d = self.__dict__
        d["_stack"] = []
        d["_functional"] = None
        for layer in layers or ():
            self.add(layer, rebuild=False)
        if layers:
            self._maybe_rebuild()

    def add(self, layer, rebuild=True):
        """Appends a layer (or a ``keras.Input`` tensor) to the stack."""
        if isinstance(layer, KerasTensor) and isinstance(
            layer._keras_history.operation, InputLayer
        ):
            layer = layer._keras_history.operation
        if not isinstance(layer, Layer):
            raise ValueError(
                "Only instances of `keras.Layer` can be added to a Sequential model. Received: %s "
                "(of type %s)" % (layer, type(layer))
            )
        stack = self._stack
        if isinstance(layer, InputLayer):
            if stack and isinstance(stack[0], InputLayer):
                raise ValueError(
                    "Sequential model '%s' has already been configured to use input shape %s. You "
                    "cannot "
                    "add a different Input layer to it." % (self.name, stack[0].batch_shape)
                )
            stack.insert(0, layer)
        else:
            if not stack and layer._input_shape_arg is not None:
                stack.append(InputLayer(batch_shape=layer._input_shape_arg))
            stack.append(layer)
            self._track_layer(layer)
        if rebuild:
            self._maybe_rebuild()
        else:
            self.built = False

    def pop(self, rebuild=True):
        """Removes and returns the last layer."""
        layers = self.layers
        if not layers:
            raise TypeError("There are no layers in the model.")
        layer = self._stack.pop()
        self._tracked.pop("%s-layer" % id(layer), None)
        self._modules.pop(self._module_key(layer), None)
        self.__dict__["_functional"] = None
        self.built = False
        if rebuild:
            self._maybe_rebuild()
        return layer

    def _module_key(self, layer):
        return layer.name.replace(".", "_")

    def _track_layer(self, layer):
        self._tracked["%s-layer" % id(layer)] = layer
        self._modules[self._module_key(layer)] = layer

    def _maybe_rebuild(self):
        self.built = False
        self.__dict__["_functional"] = None
        stack = self._stack
        if stack and isinstance(stack[0], InputLayer) and len(stack) > 1:
            self.build(stack[0].batch_shape)

    @property
    def layers(self):
        """The layers, InputLayer excluded."""
        return [layer for layer in self._stack if not isinstance(layer, InputLayer)]

    def build(self, input_shape=None):
        """Builds every layer by a symbolic pass on inputs of ``input_shape`` (batch dim
        included)."""
        if input_shape is None:
            if self._stack and isinstance(self._stack[0], InputLayer):
                input_shape = self._stack[0].batch_shape
            else:
                raise ValueError("You must provide an `input_shape` argument.")
        if not self.layers:
            raise ValueError(
                "Sequential model %s cannot be built because it has no layers. Call "
                "`model.add(layer)`." % self.name
            )
        input_shape = tuple(input_shape)
        if isinstance(self._stack[0], InputLayer):
            if tuple(self._stack[0].batch_shape) != input_shape:
                self._stack[0] = InputLayer(batch_shape=input_shape)
        else:
            self._stack.insert(0, InputLayer(batch_shape=input_shape))
        inputs = self._stack[0].output
        x = inputs
        for layer in self._stack[1:]:
            x = layer(x)
        self.__dict__["_functional"] = Functional(
            inputs=inputs, outputs=x, name=naming.uniquify("functional")
        )
        self.__dict__["_build_shapes"] = input_shape
        self.built = True

    def call(self, inputs, training=None, mask=None):
        mask_propagation.set_input_masks(inputs, mask)
        for layer in self._stack:
            if not isinstance(layer, InputLayer):
                inputs = layer(inputs)
        return inputs

    @property
    def inputs(self):
        """The input KerasTensors once built."""
        if self._functional is None:
            raise AttributeError("Sequential model '%s' has no defined inputs yet." % self.name)
        return self._functional.inputs

    @property
    def outputs(self):
        """The output KerasTensors once built."""
        if self._functional is None:
            raise AttributeError("Sequential model '%s' has no defined outputs yet." % self.name)
        return self._functional.outputs

    @property
    def input_shape(self):
        """The built input shape."""
        return self.inputs[0].shape

    @property
    def output_shape(self):
        """The built output shape."""
        return self.outputs[0].shape

    def get_config(self):
        config = super().get_config()
        config["layers"] = [
            {
                "module": "keras.layers",
                "class_name": type(layer).__name__,
                "config": layer.get_config(),
                "registered_name": None,
            }
            for layer in self._stack
        ]
        config["build_input_shape"] = self._build_shapes
        return config

    @classmethod
    def from_config(cls, config):
        from .. import layers as layers_module

        model = cls(name=config.get("name"), trainable=config.get("trainable", True))
        for spec in config["layers"]:
            layer_cls = getattr(layers_module, spec["class_name"])
            model.add(layer_cls.from_config(spec["config"]), rebuild=False)
        model._maybe_rebuild()
        if not model.built and config.get("build_input_shape"):
            model.build(config["build_input_shape"])
        return model
