"""``keras.layers.Concatenate``: joins a list of inputs along ``axis``."""
import torch

from .base_merge import Merge


class Concatenate(Merge):
    """Concatenates inputs whose shapes agree except along ``axis``."""

    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis

    def build(self, input_shape):
        if len(input_shape) < 1 or not isinstance(input_shape[0], (tuple, list)):
            raise ValueError("A `Concatenate` layer should be called on a list of at least 1 input. Received: input_shape=%s" % (input_shape,))
        ranks = {len(s) for s in input_shape}
        axis = self.axis % len(input_shape[0])
        matching = len(ranks) == 1 and all(
            len({s[i] for s in input_shape if s[i] is not None}) <= 1 for i in range(len(input_shape[0])) if i != axis)
        if not matching:
            raise ValueError("A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis. Received: input_shape=%s" % (input_shape,))
        self.built = True

    def _merge_function(self, values):
        return torch.cat(values, dim=self.axis)

    def compute_output_shape(self, input_shape):
        out = list(input_shape[0])
        sizes = [s[self.axis] for s in input_shape]
        out[self.axis] = None if None in sizes else sum(sizes)
        for shape in input_shape[1:]:
            for i, d in enumerate(shape):
                if out[i] is None and d is not None and i != self.axis % len(out):
                    out[i] = d
        return tuple(out)

    def get_config(self):
        config = super().get_config()
        config["axis"] = self.axis
        return config
