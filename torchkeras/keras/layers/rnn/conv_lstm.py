"""``keras.layers.ConvLSTM1D``, ``ConvLSTM2D`` and ``ConvLSTM3D``: LSTMs whose transformations
are convolutions."""

import torch

from ....framework.convert import to_torch
from ....framework.tensor import wrap
from .. import symbolic
from ..input_spec import InputSpec, assert_input_compatibility
from ._builtin import BuiltinRNN
from .conv_lstm_cell import ConvLSTMCell
from ....framework.op_errors import dims_text, op_error
from ....api_export import keras_export


class ConvLSTM(BuiltinRNN):
    """Keras' convolutional LSTM over ``(batch, time, *spatial, channels)`` (``channels_first``:
    ``(batch, time, channels, *spatial)``); ``rank`` (1, 2 or 3) is set by the concrete class.

    Weights live on ``cell`` (named ``conv_lstm_cell``) in Keras' layout, so ``set_weights`` from
    Keras works.  ``return_sequences``, ``return_state``, ``go_backwards``, ``stateful``, masks and
    ``initial_state`` behave as in :class:`RNN`.  The input convolutions of all timesteps run as one
    torch convolution before the recurrence (the recurrent convolution then runs once per step).
    """

    rank = None
    _CELL_ATTRIBUTES = (
        "filters",
        "kernel_size",
        "strides",
        "padding",
        "data_format",
        "dilation_rate",
        "activation",
        "recurrent_activation",
        "use_bias",
        "kernel_initializer",
        "recurrent_initializer",
        "bias_initializer",
        "unit_forget_bias",
        "kernel_regularizer",
        "recurrent_regularizer",
        "bias_regularizer",
        "kernel_constraint",
        "recurrent_constraint",
        "bias_constraint",
        "dropout",
        "recurrent_dropout",
    )

    def __init__(
        self,
        filters,
        kernel_size,
        strides=1,
        padding="valid",
        data_format=None,
        dilation_rate=1,
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
        **kwargs,
    ):
        cell = ConvLSTMCell(
            self.rank,
            filters,
            kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
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
            name="conv_lstm_cell",
            dtype=kwargs.get("dtype"),
        )
        super().__init__(
            cell,
            return_sequences,
            return_state,
            go_backwards,
            stateful,
            kwargs.pop("unroll", False),
            activity_regularizer=activity_regularizer,
            **kwargs,
        )
        del self.use_cudnn  # BuiltinRNN's cuDNN switch: Keras' ConvLSTM has none
        self.input_spec = InputSpec(ndim=self.rank + 3)

    # ------------------------------------------------------------------ states
    def get_initial_state(self, batch_size):
        """Zero ``[h, c]`` for ``batch_size`` sequences, shaped like one output step."""
        return self.cell.get_initial_state(batch_size)

    def _channels_first(self, value, axis):
        """``value`` with its channel axis at ``axis`` (a view; no-op for ``channels_first``)."""
        return value.movedim(-1, axis) if self.cell.data_format == "channels_last" else value

    def _channels_back(self, value, axis):
        """Undoes :meth:`_channels_first`."""
        return value.movedim(axis, -1) if self.cell.data_format == "channels_last" else value

    def _start_states(self, x, state_shape, initial_state):
        """``[h, c]`` as flat channels-first ``(batch, 1, filters * prod(spatial))`` storage."""
        if initial_state is not None:
            given = (
                list(initial_state) if isinstance(initial_state, (list, tuple)) else [initial_state]
            )
            if len(given) != 2:
                raise ValueError(
                    "Layer %s expects 2 state(s), but it received %d initial state(s)."
                    % (self._name, len(given))
                )
            states = [self._channels_first(to_torch(s).to(x.dtype), 1) for s in given]
        elif self.stateful and self._state_values is not None and not symbolic.tracing():
            states = [self._channels_first(s, 1) for s in self._state_values]
        else:
            return [x.new_zeros((x.shape[0], 1, state_shape.numel())) for _ in range(2)]
        return [s.reshape(x.shape[0], 1, -1) for s in states]

    def _loop_mask(self, mask, state_shape):
        """``mask`` as ``(batch, time, n)`` over the flat states.  Besides ``(batch, time)``, Keras
        takes a per-position mask ``(batch, time, *dims)`` (``Masking`` on the inputs gives one):
        its dims lead the
        step's state dims in ``data_format`` order and it is repeated along the others."""
        batch, steps = mask.shape[0], mask.shape[1]
        if self.cell.data_format == "channels_last":
            state = (batch,) + tuple(state_shape[1:]) + (state_shape[0],)
        else:
            state = (batch,) + tuple(state_shape)
        step_mask = mask.shape[:1] + mask.shape[2:]
        expanded = mask.reshape(mask.shape + (1,) * (len(state) - len(step_mask)))
        try:
            expanded = expanded.expand((batch, steps) + state[1:])
        except RuntimeError:
            condition = tuple(step_mask) + state[len(step_mask) :]
            raise op_error(
                "SelectV2",
                "condition %s, then %s, and else %s must be broadcastable"
                % (dims_text(condition), dims_text(state), dims_text(state)),
                mask,
            ) from None
        return self._channels_first(expanded, 2).reshape(batch, steps, -1)

    # -------------------------------------------------------------------- call
    def call(self, sequences, initial_state=None, mask=None, training=False):
        cell = self.cell
        x = sequences._value
        assert_input_compatibility(cell.input_spec, x[:, 0], cell.name)
        if isinstance(mask, (list, tuple)):
            mask = mask[0]
        cell.reset_dropout_mask()
        cell.reset_recurrent_dropout_mask()
        batch = x.shape[0]
        projections = cell.input_projection(self._channels_first(x, 2), training)
        state_shape = torch.Size((cell.filters,) + tuple(projections.shape[3:]))
        states = self._start_states(x, state_shape, initial_state)
        if mask is not None:
            mask = self._loop_mask(to_torch(mask).bool(), state_shape)

        def step(z, flat_states, step_training):
            h, c = cell.recurrence(
                z.view((batch, -1) + state_shape[1:]),
                flat_states[0].view((batch,) + state_shape),
                flat_states[1].view((batch,) + state_shape),
                step_training,
            )
            h = h.reshape(batch, 1, -1)
            return h, [h, c.reshape(batch, 1, -1)]

        # States travel flat as (batch, 1, n) so that RNN._run_loop's step mask, mask[:, t] with an
        # axis
        # inserted at 1, lines up with them.
        sequence, last, finals = self._run_loop(
            step, projections.flatten(2).unsqueeze(2), states, mask, training
        )
        finals = [self._channels_back(s.view((batch,) + state_shape), 1) for s in finals]
        if self.stateful and not symbolic.tracing():
            self.__dict__["_state_values"] = [s.detach() for s in finals]
        if self.return_sequences:
            output = self._channels_back(sequence.view((batch, sequence.shape[1]) + state_shape), 2)
        else:
            output = self._channels_back(last.view((batch,) + state_shape), 1)
        if self.return_state:
            return wrap(output), wrap(finals[0]), wrap(finals[1])
        return wrap(output)

    # ------------------------------------------------------------------ shapes
    def compute_output_shape(self, sequences_shape, initial_state_shape=None):
        sequences_shape = tuple(sequences_shape)
        batch, steps = sequences_shape[0], sequences_shape[1]
        state = self.cell.compute_output_shape((batch,) + sequences_shape[2:])[0]
        output = (batch, steps) + state[1:] if self.return_sequences else state
        if self.return_state:
            return output, state, state
        return output

    def compute_mask(self, inputs, mask=None):
        """The input mask for sequence outputs, else ``None`` (and ``None`` for both returned
        states)."""
        if isinstance(mask, (list, tuple)):
            mask = mask[0]
        output_mask = mask if self.return_sequences else None
        return [output_mask, None, None] if self.return_state else output_mask


@keras_export("keras.layers.ConvLSTM1D")
class ConvLSTM1D(ConvLSTM):
    """1D convolutional LSTM over ``(batch, time, steps, channels)`` (or ``channels_first``)."""

    rank = 1


@keras_export("keras.layers.ConvLSTM2D")
class ConvLSTM2D(ConvLSTM):
    """2D convolutional LSTM over ``(batch, time, rows, cols, channels)`` (or
    ``channels_first``)."""

    rank = 2


@keras_export("keras.layers.ConvLSTM3D")
class ConvLSTM3D(ConvLSTM):
    """3D convolutional LSTM over ``(batch, time, d1, d2, d3, channels)`` (or
    ``channels_first``)."""

    rank = 3
