"""``keras.layers.TorchModuleWrapper``: a ``torch.nn.Module`` used as a Keras layer."""

import base64
import io

import torch

from ....framework import device
from ....framework import tree as _tree
from ....framework.tensor import TensorOperators, wrap
from ..layer import Layer
from ....api_export import keras_export


def _storage(value):
    return value._value if isinstance(value, TensorOperators) else value


def _to_torch(value):
    return _tree.map_structure(_storage, value, rules=_tree.KERAS)


def _wrap_storage(value):
    return wrap(value) if isinstance(value, torch.Tensor) else value


def _to_tensors(value):
    return _tree.map_structure(_wrap_storage, value, rules=_tree.KERAS)


@keras_export("keras.layers.TorchModuleWrapper")
class TorchModuleWrapper(Layer):
    """Wraps ``module`` (moved to the current device) so its parameters are the layer's weights,
    trained by ``fit`` and watched by ``GradientTape``.  The call passes the inputs' torch storage
    to the module and wraps its torch outputs as Tensors; ``training=False`` puts the module in
    ``eval()`` mode, anything else (``None`` included, as in Keras) in ``train()`` mode.
    ``output_shape`` (optional) answers ``compute_output_shape``.  The config holds the module
    pickled by ``torch.save`` (base64), which ``from_config`` only unpickles outside safe mode.
    A lazy module must be initialised first."""

    def __init__(self, module, name=None, output_shape=None, **kwargs):
        super().__init__(name=name, **kwargs)
        if (
            isinstance(module, torch.nn.modules.lazy.LazyModuleMixin)
            and module.has_uninitialized_params()
        ):
            raise ValueError(
                "LazyModules are not supported unless they are already initialized. Received "
                "uninitialized LazyModule: module=%s" % (module,)
            )
        self.module = module.to(device.current())
        self.output_shape = output_shape
        self.built = True

    def call(self, *args, training=None, **kwargs):
        self.module.train(training is not False)
        return _to_tensors(self.module(*_to_torch(args), **_to_torch(kwargs)))

    def compute_output_shape(self, input_shape):
        if self.output_shape is None:
            return super().compute_output_shape(input_shape)
        return self.output_shape

    def get_config(self):
        config = super().get_config()
        buffer = io.BytesIO()
        torch.save(self.module, buffer)
        config.update(
            {
                "module": base64.b64encode(buffer.getvalue()).decode("ascii"),
                "output_shape": self.output_shape,
            }
        )
        return config

    @classmethod
    def from_config(cls, config):
        from ...saving.serialization_lib import in_safe_mode

        config = dict(config)
        if "module" in config:
            if in_safe_mode() is not False:
                raise ValueError(
                    "Requested the deserialization of a `torch.nn.Module` object via "
                    "`torch.load()`. "
                    "This carries a potential risk of arbitrary code execution and thus it is "
                    "disallowed by default. If you trust the source of the artifact, you can "
                    "override "
                    "this error by passing `safe_mode=False` to the loading function, or calling "
                    "`keras.config.enable_unsafe_deserialization()."
                )
            buffer = io.BytesIO(base64.b64decode(config["module"].encode("ascii")))
            config["module"] = torch.load(buffer, weights_only=False)
        return super().from_config(config)
