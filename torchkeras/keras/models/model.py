"""``keras.Model``: a Layer with training (``Trainer``), ``layers``, ``get_layer`` and ``summary``.

``keras.Model(inputs, outputs)`` builds a functional model; subclassing
``keras.Model`` and writing ``call()`` gives a subclassed one.  ``compile``,
``fit``, ``evaluate`` and ``predict`` come from the ``Trainer`` mixin, which
precedes ``torch.nn.Module`` in the MRO so its ``compile`` replaces torch's.
"""

from ..layers.layer import Layer
from ..trainers.trainer import Trainer
from . import summary as _summary
from ...api_export import keras_export


def _is_functional_call(args, kwargs):
    if "inputs" in kwargs and "outputs" in kwargs:
        return True
    return len(args) == 2 or (len(args) == 1 and "outputs" in kwargs)


@keras_export("keras.Model", "keras.models.Model")
class Model(Trainer, Layer):
    """A model: a layer that groups layers and trains (see the module docstring)."""

    def __new__(cls, *args, **kwargs):
        if cls is Model and _is_functional_call(args, kwargs):
            from .functional import Functional

            return super().__new__(Functional)
        return super().__new__(cls)

    def __init__(self, *args, **kwargs):
        from .functional import Functional

        if _is_functional_call(args, kwargs) and not isinstance(self, Functional):
            self.__class__ = type(
                type(self).__name__, (type(self), Functional), {"__module__": type(self).__module__}
            )
            Functional.__init__(self, *args, **kwargs)
            return
        trainable = kwargs.pop("trainable", True)
        name = kwargs.pop("name", None)
        dtype = kwargs.pop("dtype", None)
        Layer.__init__(self, trainable=trainable, name=name, dtype=dtype, **kwargs)
        Trainer.__init__(self)

    @property
    def layers(self):
        """The model's sublayers, in tracking order."""
        return self._layers

    def get_layer(self, name=None, index=None):
        """A sublayer by ``name`` or by ``index`` in ``layers``."""
        if index is not None and name is not None:
            raise ValueError(
                "Provide only a layer name or a layer index. Received: index=%s, name=%s."
                % (index, name)
            )
        layers = self.layers
        if index is not None:
            if len(layers) <= index:
                raise ValueError(
                    "Was asked to retrieve layer at index %s but model only has %d layers."
                    % (index, len(layers))
                )
            return layers[index]
        if name is not None:
            for layer in layers:
                if layer.name == name:
                    return layer
            raise ValueError(
                "No such layer: %s. Existing layers are: %s."
                % (name, [layer.name for layer in layers])
            )
        raise ValueError("Provide either a layer name or layer index at `get_layer`.")

    def summary(
        self,
        line_length=None,
        positions=None,
        print_fn=None,
        expand_nested=False,
        show_trainable=False,
        layer_range=None,
    ):
        """Prints Keras 3's summary table: each layer's output shape and parameter count, then
        totals."""
        _summary.print_summary(
            self,
            line_length=line_length,
            positions=positions,
            print_fn=print_fn,
            expand_nested=expand_nested,
            show_trainable=show_trainable,
            layer_range=layer_range,
        )

    def save(self, filepath, overwrite=True, zipped=None, **kwargs):
        """Saves the model as a Keras 3 ``.keras`` file (see ``keras.saving.save_model``)."""
        from ..saving import save_model

        save_model(
            self, filepath, overwrite=overwrite, zipped=True if zipped is None else zipped, **kwargs
        )

    def save_weights(self, filepath, overwrite=True, max_shard_size=None):
        """Saves the weights to a ``.weights.h5`` file (sharded ``.weights.json`` with
        ``max_shard_size`` GB) in
        Keras' layout (see ``keras.saving.save_weights``)."""
        from ..saving import save_weights

        save_weights(self, filepath, overwrite=overwrite, max_shard_size=max_shard_size)

    def load_weights(self, filepath, skip_mismatch=False, **kwargs):
        """Loads weights from a ``.weights.h5``, ``.keras`` or legacy ``.h5`` file (see
        ``keras.saving.load_weights``)."""
        from ..saving import load_weights

        load_weights(self, filepath, skip_mismatch=skip_mismatch, **kwargs)

    def export(
        self, filepath, format="tf_saved_model", verbose=None, input_signature=None, **kwargs
    ):
        """Exports the forward pass for serving: ``format="onnx"`` (ONNX Runtime) or ``"torch"``
        (a ``torch.export`` ``.pt2`` program); Keras' default ``"tf_saved_model"`` needs TensorFlow
        and raises ``ValueError`` (see ``torchkeras.keras.export``)."""
        from ..export import export_model

        export_model(
            self,
            filepath,
            format=format,
            verbose=verbose,
            input_signature=input_signature,
            **kwargs,
        )

    def to_json(self, **kwargs):
        """The model's serialized config as a JSON string (``keras.models.model_from_json``
        reverses it)."""
        from ..saving.json_config import to_json

        return to_json(self, **kwargs)

    def get_config(self):
        """The base config (``name``, ``trainable``, ``dtype``); functional and sequential models
        add theirs."""
        return Layer.get_config(self)
