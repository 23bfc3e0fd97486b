"""``keras.layers.RNN``: runs a recurrent cell over the time axis of ``(batch, time, features)``
inputs."""

import torch

from ....framework import device
from ....framework import tree as _tree
from ....framework.op_errors import kernel_name, op_error
from ...backend.traceback_utils import inject_call_info
from ....framework.convert import to_torch
from ....framework.tensor import wrap
from .. import symbolic
from ..layer import Layer
from . import _fused
from ._serialize import build_sublayer, deserialize_layer, serialize_layer
from .dropout_rnn_cell import DropoutRNNCell
from .stacked_rnn_cells import StackedRNNCells
from ....api_export import keras_export


def state_sizes(cell):
    """The cell's state sizes as a flat list (``state_size`` may be an int or nested lists)."""
    size = cell.state_size
    if not isinstance(size, (list, tuple)):
        return [size]
    return [
        leaf for entry in size for leaf in (entry if isinstance(entry, (list, tuple)) else [entry])
    ]


def _flatten(structure):
    return _tree.flatten(structure, _tree.KERAS)


def _pack(cell, flat, listed=False):
    """Flat states grouped as Keras returns them: one entry per top-level ``state_size`` entry, a
    list for a nested entry (and, with ``listed``, for every entry: a stack's runtime states)."""
    size = cell.state_size
    if not isinstance(size, (list, tuple)):
        return list(flat)
    out, start = [], 0
    for entry in size:
        if isinstance(entry, (list, tuple)):
            out.append(list(flat[start : start + len(entry)]))
            start += len(entry)
        else:
            out.append([flat[start]] if listed else flat[start])
            start += 1
    return out


@keras_export("keras.layers.RNN")
class RNN(Layer):
    """Keras' recurrent layer base: iterates ``cell`` over time, with ``return_sequences``,
    ``return_state``, ``go_backwards``, ``stateful`` (``reset_states()``), masks (a masked step
    keeps the previous states and repeats the previous output, or zeros with
    ``zero_output_for_mask``) and ``initial_state``.

    Built-in cells run on torch's fused kernels (cuDNN on CUDA) whenever their activations are the
    defaults, ``recurrent_dropout`` is inactive and the mask (if any) is right-padded; otherwise a
    Python loop over the cell.  ``unroll`` is accepted and changes nothing (eager execution).
    A list of cells is wrapped in :class:`StackedRNNCells`.
    """

    def __init__(
        self,
        cell,
        return_sequences=False,
        return_state=False,
        go_backwards=False,
        stateful=False,
        unroll=False,
        zero_output_for_mask=False,
        **kwargs,
    ):
        super().__init__(**kwargs)
        if isinstance(cell, (list, tuple)):
            cell = StackedRNNCells(cell)
        if not hasattr(cell, "call"):
            raise ValueError(
                "Argument `cell` should have a `call` method. Received: cell=%s" % (cell,)
            )
        if not hasattr(cell, "state_size"):
            raise ValueError(
                "The RNN cell should have a `state_size` attribute (single integer or list of "
                "integers, "
                "one integer per RNN state). Received: cell=%s" % (cell,)
            )
        self.cell = cell
        self.return_sequences = return_sequences
        self.return_state = return_state
        self.go_backwards = go_backwards
        self.stateful = stateful
        self.unroll = unroll
        self.zero_output_for_mask = zero_output_for_mask
        self.__dict__["_state_values"] = None

    # ------------------------------------------------------------------- build
    def build(self, sequences_shape, initial_state_shape=None):
        if self.stateful and sequences_shape[0] is None:
            raise ValueError(
                "When using `stateful=True` in a RNN, the batch size must be static. Found dynamic "
                "batch size: sequence.shape=%s" % (tuple(sequences_shape),)
            )
        step_shape = (sequences_shape[0],) + tuple(sequences_shape[2:])
        build_sublayer(self.cell, step_shape)
        if self.stateful:
            self.__dict__["_state_values"] = [
                value._value for value in self.get_initial_state(sequences_shape[0])
            ]
        self.built = True

    # ------------------------------------------------------------------ states
    @property
    def states(self):
        """The carried states of a ``stateful`` layer (zeros once built; ``None`` otherwise)."""
        if self._state_values is None:
            return None
        return [wrap(s) for s in self._state_values]

    def reset_state(self):
        """Zeroes the carried states of a ``stateful`` layer."""
        if self._state_values is not None:
            self.__dict__["_state_values"] = [torch.zeros_like(s) for s in self._state_values]

    def reset_states(self):
        """The same as :meth:`reset_state`."""
        self.reset_state()

    def get_initial_state(self, batch_size):
        """Zero states for ``batch_size`` sequences (one Tensor per state)."""
        return [
            wrap(
                torch.zeros(
                    (batch_size, size), dtype=self._compute_torch_dtype, device=device.current()
                )
            )
            for size in state_sizes(self.cell)
        ]

    def _initial_states(self, x, initial_state):
        if initial_state is not None:
            given = _flatten(initial_state)
            if len(given) != len(state_sizes(self.cell)):
                raise ValueError(
                    "Layer %s expects %d state(s), but it received %d initial state(s)."
                    % (self._name, len(state_sizes(self.cell)), len(given))
                )
            return [to_torch(s).to(x.dtype) for s in given]
        if self.stateful and self._state_values is not None and not symbolic.tracing():
            return list(self._state_values)
        return [x.new_zeros((x.shape[0], size)) for size in state_sizes(self.cell)]

    # -------------------------------------------------------------------- call
    def call(self, sequences, initial_state=None, mask=None, training=False):
        x = sequences._value
        if x.ndim < 3 and not symbolic.tracing():  # Keras reads shape[1] and slices step 0
            if x.ndim < 2:
                raise IndexError("tuple index out of range")
            raise op_error(
                "StridedSlice",
                "Index out of range using input dim 2; input has only 2 dims",
                x,
                name="%s/strided_slice/" % self.name,
            )
        if not (x.dtype.is_floating_point or x.dtype.is_complex):
            x = x.to(self._compute_torch_dtype)  # Keras' ops promote ints with the float kernels
        if x.ndim > 1 and x.shape[1] == 0 and not symbolic.tracing():
            raise op_error(  # Keras slices the first step out of the sequence
                "StridedSlice",
                "slice index 0 of dimension 1 out of bounds.",
                x,
                name="%s/strided_slice/" % self.name,
            )
        if isinstance(mask, (list, tuple)):
            mask = mask[0]
        mask = None if mask is None else to_torch(mask).bool()
        states = self._initial_states(x, initial_state)
        cell = self.cell
        _check_input_features(cell, x, states)
        if hasattr(cell, "reset_dropout_mask"):
            cell.reset_dropout_mask()
            cell.reset_recurrent_dropout_mask()
        result = None
        if isinstance(cell, DropoutRNNCell) and cell._fused_fits(training):
            result = self._run_fused(x, states, mask, training)
        if result is None:
            result = self._run_loop(
                getattr(cell, "_step", None) or self._generic_step, x, states, mask, training
            )
        sequence, last, finals = result
        if self.stateful and not symbolic.tracing():
            self.__dict__["_state_values"] = [s.detach() for s in finals]
        output = wrap(sequence if self.return_sequences else last)
        if self.return_state:
            return (output,) + tuple(
                _pack(cell, [wrap(s) for s in finals], isinstance(cell, StackedRNNCells))
            )
        return output

    def _run_fused(self, x, states, mask, training):
        lengths = None
        if mask is not None and torch.compiler.is_compiling():
            return (
                None  # the packed kernels need the lengths on the host: a graph runs the step loop
            )
        if mask is not None and not symbolic.tracing():
            lengths = _fused.right_padded_lengths(mask)
            if lengths is None:
                return None
        cell = self.cell
        if training and 0 < cell.dropout < 1:
            x = x * cell.get_dropout_mask(x[:, 0]).unsqueeze(1)
        mode, params, has_biases = cell._fused_params(x)
        return _fused.run(
            mode,
            x,
            states,
            params,
            has_biases,
            self.go_backwards,
            lengths,
            self.zero_output_for_mask,
        )

    def _generic_step(self, x, states, training):
        output, new_states = self.cell(wrap(x), [wrap(s) for s in states], training=training)
        new_states = new_states if isinstance(new_states, (list, tuple)) else [new_states]
        return output._value, [s._value for s in new_states]

    def _run_loop(self, step, x, states, mask, training):
        if self.go_backwards:
            x = x.flip(1)
            mask = None if mask is None else mask.flip(1)
        outputs = []
        output = previous = None
        for t in range(x.shape[1]):
            output, new_states = step(x[:, t], states, training)
            if mask is not None:
                keep = mask[:, t].unsqueeze(1)
                if previous is None or self.zero_output_for_mask:
                    previous = torch.zeros_like(output)
                output = torch.where(keep, output, previous)
                new_states = [torch.where(keep, new, old) for new, old in zip(new_states, states)]
                previous = output
            states = new_states
            if self.return_sequences:
                outputs.append(output)
        sequence = torch.stack(outputs, 1) if self.return_sequences else None
        return sequence, output, states

    # ------------------------------------------------------------------ shapes
    def compute_output_shape(self, sequences_shape, initial_state_shape=None):
        batch, steps = sequences_shape[0], sequences_shape[1]
        sizes = state_sizes(self.cell)
        units = getattr(self.cell, "output_size", sizes[0])
        output = (batch, steps, units) if self.return_sequences else (batch, units)
        if self.return_state:
            return (output,) + tuple(_pack(self.cell, [(batch, size) for size in sizes]))
        return output

    def compute_mask(self, inputs, mask=None):
        """The input mask for sequence outputs, else ``None`` (and ``None`` for each returned
        state)."""
        if isinstance(mask, (list, tuple)):
            mask = mask[0]
        output_mask = mask if self.return_sequences else None
        if self.return_state:
            return [output_mask] + [None] * len(state_sizes(self.cell))
        return output_mask

    # ------------------------------------------------------------------ config
    def _rnn_config(self):
        config = Layer.get_config(self)
        config.update(
            {
                "return_sequences": self.return_sequences,
                "return_state": self.return_state,
                "go_backwards": self.go_backwards,
                "stateful": self.stateful,
                "unroll": self.unroll,
                "zero_output_for_mask": self.zero_output_for_mask,
            }
        )
        return config

    def get_config(self):
        config = self._rnn_config()
        config["cell"] = serialize_layer(self.cell)
        return config

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        config["cell"] = deserialize_layer(config["cell"])
        return super().from_config(config)


def _check_input_features(cell, x, states):
    """TF's error for a sequence whose feature size is not the one the cell's kernel was built
    for: Keras' TF backend fails in the cell's first ``matmul`` and reports it as the cell's
    (torch's fused kernels would raise their own error, or none)."""
    kernel = getattr(cell, "kernel", None)
    if kernel is None or x.ndim != 3 or kernel.shape[0] == x.shape[-1]:
        return
    error = op_error(
        "MatMul",
        "Matrix size-incompatible: In[0]: [%d,%d], In[1]: [%d,%d]"
        % (x.shape[0], x.shape[-1], kernel.shape[0], kernel.shape[1]),
        x,
        kernel=kernel_name("MatMul", x),
    )
    raise inject_call_info(
        error,
        cell.call,
        (wrap(x[:, 0]), tuple(wrap(s) for s in states)),
        {},
        "%s.call()" % type(cell).__name__,
    )
