"""``keras.layers.Bidirectional``: runs a recurrent layer forwards and a copy backwards, then
merges."""

import torch

from ....framework.tensor import wrap
from ..layer import Layer
from ._serialize import build_sublayer, deserialize_layer, serialize_layer
from ....api_export import keras_export

_MERGE_MODES = ("sum", "mul", "ave", "concat", None)


def _renamed_copy(layer, prefix, go_backwards=None):
    config = serialize_layer(layer)
    inner = dict(config["config"])
    name = inner["name"]
    inner["name"] = prefix + (name[len(prefix) :] if name.startswith(prefix) else name)
    if go_backwards is not None:
        inner["go_backwards"] = go_backwards
    config["config"] = inner
    return deserialize_layer(config)


@keras_export("keras.layers.Bidirectional")
class Bidirectional(Layer):
    """Wraps an RNN layer: a ``forward_<name>`` copy reads the sequence in order, a
    ``backward_<name>`` copy (or ``backward_layer``) reads it reversed (both with
    ``zero_output_for_mask = return_sequences``, as Keras forces); the backward sequence
    outputs are flipped back to time order, then merged with ``merge_mode`` (``'concat'``,
    ``'sum'``, ``'mul'``, ``'ave'``, or ``None`` for the tuple of both).  Weights: forward's, then
    backward's.  ``initial_state`` is split in half (forward states first)."""

    def __init__(self, layer, merge_mode="concat", weights=None, backward_layer=None, **kwargs):
        if not isinstance(layer, Layer):
            raise ValueError(
                "Please initialize `Bidirectional` layer with a `keras.layers.Layer` instance. "
                "Received: %s" % (layer,)
            )
        if merge_mode not in _MERGE_MODES:
            raise ValueError(
                "Invalid merge mode. Received: %s. Merge mode should be one of "
                '{"sum", "mul", "ave", "concat", None}' % (merge_mode,)
            )
        super().__init__(**kwargs)
        self.forward_layer = _renamed_copy(layer, "forward_")
        if backward_layer is None:
            self.backward_layer = _renamed_copy(
                layer, "backward_", go_backwards=not layer.go_backwards
            )
        else:
            self.backward_layer = backward_layer
        self._verify_layer_config()
        for direction in (self.forward_layer, self.backward_layer):
            if getattr(direction, "zero_output_for_mask", None) is not None:
                direction.zero_output_for_mask = direction.return_sequences
        self.merge_mode = merge_mode
        self.return_sequences = layer.return_sequences
        self.return_state = layer.return_state
        self.stateful = layer.stateful
        self.input_spec = layer.input_spec
        self.__dict__["_initial_weights"] = weights

    def build(self, sequences_shape, initial_state_shape=None):
        build_sublayer(self.forward_layer, sequences_shape)
        build_sublayer(self.backward_layer, sequences_shape)
        self.built = True
        if self._initial_weights is not None:
            self.set_weights(self._initial_weights)
            self.__dict__["_initial_weights"] = None

    def call(self, sequences, initial_state=None, mask=None, training=None):
        forward_state = backward_state = None
        if initial_state is not None:
            half = len(initial_state) // 2
            forward_state, backward_state = list(initial_state[:half]), list(initial_state[half:])
        y = self.forward_layer(sequences, initial_state=forward_state, mask=mask, training=training)
        y_rev = self.backward_layer(
            sequences, initial_state=backward_state, mask=mask, training=training
        )
        states = ()
        if self.return_state:
            states = tuple(y[1:]) + tuple(y_rev[1:])
            y, y_rev = y[0], y_rev[0]
        a, b = y._value, y_rev._value
        if self.return_sequences:
            b = b.flip(1)
        if self.merge_mode is None:
            return (wrap(a), wrap(b)) + states
        if self.merge_mode == "concat":
            out = torch.cat([a, b], -1)
        elif self.merge_mode == "sum":
            out = a + b
        elif self.merge_mode == "ave":
            out = (a + b) / 2
        else:
            out = a * b
        return (wrap(out),) + states if self.return_state else wrap(out)

    def reset_states(self):
        """Resets both directions' carried states (``stateful`` layers)."""
        self.forward_layer.reset_states()
        self.backward_layer.reset_states()

    def reset_state(self):
        """The same as :meth:`reset_states`."""
        self.reset_states()

    def _verify_layer_config(self):
        """Keras' checks of the two directions: different ``go_backwards``, the same
        ``stateful``, ``return_sequences`` and ``return_state``."""
        forward, backward = self.forward_layer, self.backward_layer
        if forward.go_backwards == backward.go_backwards:
            raise ValueError(
                "Forward layer and backward layer should have different `go_backwards` value. "
                "Received: forward_layer.go_backwards %s, backward_layer.go_backwards=%s"
                % (forward.go_backwards, backward.go_backwards)
            )
        for attribute in ("stateful", "return_sequences", "return_state"):
            forward_value = getattr(forward, attribute)
            backward_value = getattr(backward, attribute)
            if forward_value != backward_value:
                raise ValueError(
                    "Forward layer and backward layer are expected to have the same value for "
                    'attribute "%s", got "%s" for forward layer and "%s" for backward layer'
                    % (attribute, forward_value, backward_value)
                )

    def compute_output_shape(self, sequences_shape, initial_state_shape=None):
        shape = self.forward_layer.compute_output_shape(sequences_shape)
        states = ()
        if self.return_state:
            states = tuple(shape[1:]) * 2
            shape = shape[0]
        if self.merge_mode == "concat":
            shape = tuple(shape[:-1]) + (None if shape[-1] is None else 2 * shape[-1],)
        if self.merge_mode is None:
            return (tuple(shape), tuple(shape)) + states
        return (tuple(shape),) + states if self.return_state else tuple(shape)

    def compute_mask(self, inputs, mask=None):
        """The input mask for sequence outputs, else ``None``; a pair of them when ``merge_mode`` is
        ``None``
        (Keras reports no masks for the returned states of a non-stateful layer)."""
        if isinstance(mask, (list, tuple)):
            mask = mask[0]
        output_mask = mask if self.return_sequences else None
        return (output_mask, output_mask) if self.merge_mode is None else output_mask

    def get_config(self):
        config = super().get_config()
        config["merge_mode"] = self.merge_mode
        config["layer"] = serialize_layer(self.forward_layer)
        config["backward_layer"] = serialize_layer(self.backward_layer)
        return config

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        config["layer"] = deserialize_layer(config["layer"])
        if config.get("backward_layer") is not None:
            config["backward_layer"] = deserialize_layer(config["backward_layer"])
        return super().from_config(config)
