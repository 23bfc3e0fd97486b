"""``keras.layers.StackedRNNCells``: a list of cells run as one cell (each feeds the next)."""

from ....framework import tree as _tree
from ....framework.tensor import wrap
from ..layer import Layer
from ._serialize import deserialize_layer, serialize_layer
from ....api_export import keras_export


def _flat_sizes(size):
    return list(size) if isinstance(size, (list, tuple)) else [size]


@keras_export("keras.layers.StackedRNNCells")
class StackedRNNCells(Layer):
    """Runs ``cells`` in order at each timestep, the output of one being the input of the next.

    ``state_size`` is the list of the cells' state sizes (nested, as in Keras); the output is the
    last cell's.  ``RNN(list_of_cells)`` wraps the list in this class."""

    def __init__(self, cells, **kwargs):
        super().__init__(**kwargs)
        for cell in cells:
            if not hasattr(cell, "call"):
                raise ValueError(
                    "All cells must have a `call` method. Received cell without a `call` method: %s"
                    % (cell,)
                )
            if not hasattr(cell, "state_size"):
                raise ValueError(
                    "All cells must have a `state_size` attribute. Received cell without a "
                    "`state_size`: %s" % (cell,)
                )
        self.cells = list(cells)

    @property
    def state_size(self):
        """The cells' state sizes, one entry per cell."""
        return [cell.state_size for cell in self.cells]

    @property
    def output_size(self):
        """The last cell's output size."""
        last = self.cells[-1]
        return getattr(last, "output_size", None) or _flat_sizes(last.state_size)[0]

    def build(self, input_shape):
        for cell in self.cells:
            if not cell.built:
                cell.__dict__["_build_shapes"] = tuple(input_shape)
                cell.build(tuple(input_shape))
                cell.built = True
            size = getattr(cell, "output_size", None) or _flat_sizes(cell.state_size)[0]
            input_shape = (input_shape[0], size)
        self.built = True

    def reset_dropout_mask(self):
        """Forgets every cell's input dropout mask."""
        for cell in self.cells:
            if hasattr(cell, "reset_dropout_mask"):
                cell.reset_dropout_mask()

    def reset_recurrent_dropout_mask(self):
        """Forgets every cell's recurrent dropout mask."""
        for cell in self.cells:
            if hasattr(cell, "reset_recurrent_dropout_mask"):
                cell.reset_recurrent_dropout_mask()

    def _step(self, x, states, training):
        """One step on storage; ``states`` and the new states are flat lists."""
        new_states = []
        start = 0
        for cell in self.cells:
            count = len(_flat_sizes(cell.state_size))
            own = states[start : start + count]
            start += count
            if hasattr(cell, "_step"):
                x, own = cell._step(x, own, training)
            else:
                x, own = cell(wrap(x), [wrap(s) for s in own], training=training)
                own = [s._value for s in _tree.flatten(own, _tree.KERAS)]
                x = x._value
            new_states.extend(own)
        return x, new_states

    def call(self, inputs, states, training=False):
        """One step: ``(output, new_states)`` with ``new_states`` nested like ``state_size``."""
        flat = _tree.flatten(states, _tree.KERAS)
        output, new_states = self._step(inputs._value, [s._value for s in flat], training)
        nested, start = [], 0
        for cell in self.cells:
            sizes = cell.state_size
            count = len(_flat_sizes(sizes))
            group = [wrap(s) for s in new_states[start : start + count]]
            start += count
            nested.append(group if isinstance(sizes, (list, tuple)) else group[0])
        return wrap(output), nested

    def get_config(self):
        config = super().get_config()
        config["cells"] = [serialize_layer(cell) for cell in self.cells]
        return config

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        config["cells"] = [deserialize_layer(cell) for cell in config["cells"]]
        return super().from_config(config)
