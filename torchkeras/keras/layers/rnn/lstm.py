"""``keras.layers.LSTM``: the long short-term memory layer (torch's fused LSTM kernel when
possible)."""

from ._builtin import BuiltinRNN
from .lstm_cell import LSTMCell
from ....api_export import keras_export


@keras_export("keras.layers.LSTM")
class LSTM(BuiltinRNN):
    """Keras' ``LSTM`` (see :class:`RNN` for the sequence arguments); weights live on ``cell`` (an
    :class:`LSTMCell` named ``lstm_cell``) in Keras' layout, so ``set_weights`` from Keras works.
    ``use_cudnn`` is accepted; the fused kernel is used whenever the configuration allows it."""

    _CELL_ATTRIBUTES = BuiltinRNN._CELL_ATTRIBUTES + (
        "recurrent_activation",
        "unit_forget_bias",
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
        unit_forget_bias=True,
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
        use_cudnn="auto",
        **kwargs,
    ):
        cell = LSTMCell(
            units,
            activation=activation,
            recurrent_activation=recurrent_activation,
            use_bias=use_bias,
            kernel_initializer=kernel_initializer,
            recurrent_initializer=recurrent_initializer,
            bias_initializer=bias_initializer,
            unit_forget_bias=unit_forget_bias,
            kernel_regularizer=kernel_regularizer,
            recurrent_regularizer=recurrent_regularizer,
            bias_regularizer=bias_regularizer,
            kernel_constraint=kernel_constraint,
            recurrent_constraint=recurrent_constraint,
            bias_constraint=bias_constraint,
            dropout=dropout,
            recurrent_dropout=recurrent_dropout,
            seed=seed,
            dtype=kwargs.get("dtype"),
            trainable=kwargs.get("trainable", True),
            name="lstm_cell",
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
