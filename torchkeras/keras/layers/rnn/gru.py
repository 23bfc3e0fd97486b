"""``keras.layers.GRU``: the gated recurrent unit layer (torch's fused GRU kernel when possible)."""

from ._builtin import BuiltinRNN
from .gru_cell import GRUCell
from ....api_export import keras_export


@keras_export("keras.layers.GRU")
class GRU(BuiltinRNN):
    """Keras' ``GRU`` (see :class:`RNN` for the sequence arguments); weights live on ``cell`` (a
    :class:`GRUCell` named ``gru_cell``) in Keras' layout.  ``reset_after=True`` (the default) runs
    on torch's fused kernel; ``reset_after=False`` runs the cell loop.  ``use_cudnn`` is
    accepted."""

    _CELL_ATTRIBUTES = BuiltinRNN._CELL_ATTRIBUTES + (
        "recurrent_activation",
        "reset_after",
        "implementation",
    )

    def __init__(
        self,
        units,
        activation="tanh",
        recurrent_activation="sigmoid",
        use_bias=True,
        kernel_initializer="glorot_uniform",
        recurrent_initializer="orthogonal",
        bias_initializer="zeros",
        kernel_regularizer=None,
        recurrent_regularizer=None,
        bias_regularizer=None,
        activity_regularizer=None,
        kernel_constraint=None,
        recurrent_constraint=None,
        bias_constraint=None,
        dropout=0.0,
        recurrent_dropout=0.0,
        seed=None,
        return_sequences=False,
        return_state=False,
        go_backwards=False,
        stateful=False,
        unroll=False,
        reset_after=True,
        use_cudnn="auto",
        **kwargs,
    ):
        cell = GRUCell(
            units,
            activation=activation,
            recurrent_activation=recurrent_activation,
            use_bias=use_bias,
            kernel_initializer=kernel_initializer,
            recurrent_initializer=recurrent_initializer,
            bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer,
            recurrent_regularizer=recurrent_regularizer,
            bias_regularizer=bias_regularizer,
            kernel_constraint=kernel_constraint,
            recurrent_constraint=recurrent_constraint,
            bias_constraint=bias_constraint,
            dropout=dropout,
            recurrent_dropout=recurrent_dropout,
            reset_after=reset_after,
            seed=seed,
            dtype=kwargs.get("dtype"),
            trainable=kwargs.get("trainable", True),
            name="gru_cell",
        )
        super().__init__(
            cell,
            return_sequences,
            return_state,
            go_backwards,
            stateful,
            unroll,
            use_cudnn,
            activity_regularizer=activity_regularizer,
            **kwargs,
        )
