"""What ``SimpleRNN``, ``LSTM`` and ``GRU`` share: a built-in cell made from the layer's
arguments."""

from ... import regularizers
from ..input_spec import InputSpec
from ..layer import Layer
from .rnn import RNN


class BuiltinRNN(RNN):
    """An ``RNN`` over a cell it builds itself; the cell's arguments read back as layer attributes
    and ``get_config`` is flat (Keras' form, no nested ``cell``)."""

    _CELL_ATTRIBUTES = (
        "units",
        "activation",
        "use_bias",
        "kernel_initializer",
        "recurrent_initializer",
        "bias_initializer",
        "kernel_regularizer",
        "recurrent_regularizer",
        "bias_regularizer",
        "kernel_constraint",
        "recurrent_constraint",
        "bias_constraint",
        "dropout",
        "recurrent_dropout",
        "seed",
    )

    def __init__(
        self,
        cell,
        return_sequences,
        return_state,
        go_backwards,
        stateful,
        unroll,
        use_cudnn="auto",
        **kwargs,
    ):
        super().__init__(
            cell,
            return_sequences=return_sequences,
            return_state=return_state,
            go_backwards=go_backwards,
            stateful=stateful,
            unroll=unroll,
            **kwargs,
        )
        self.use_cudnn = use_cudnn
        self.input_spec = InputSpec(ndim=3)

    def __getattr__(self, name):
        if name in type(self)._CELL_ATTRIBUTES:
            return getattr(self.cell, name)
        return super().__getattr__(name)

    def get_config(self):
        config = self._rnn_config()
        config["activity_regularizer"] = regularizers.serialize(self.activity_regularizer)
        cell_config = self.cell.get_config()
        for key in ("name", "trainable", "dtype"):
            del cell_config[key]
        config.update(cell_config)
        return config

    @classmethod
    def from_config(cls, config):
        return Layer.from_config.__func__(cls, config)
