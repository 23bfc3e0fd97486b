"""``keras.layers.Concatenate``: joins a list of inputs along ``axis``."""

import torch

from ....framework.convert import to_torch
from ....framework.tensor import wrap
from ....ops.shape_ops import concat as _tf_concat
from .base_merge import Merge
from ....api_export import keras_export


@keras_export("keras.layers.Concatenate")
class Concatenate(Merge):
    """Concatenates inputs whose shapes agree except along ``axis``."""

    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis

    def build(self, input_shape):
        if len(input_shape) < 1 or not isinstance(input_shape[0], (tuple, list)):
            raise ValueError(
                "A `Concatenate` layer should be called on a list of at least 1 input. Received: "
                "input_shape=%s" % (input_shape,)
            )
        ranks = {len(s) for s in input_shape}
        axis = self.axis % len(input_shape[0])
        matching = len(ranks) == 1 and all(
            len({s[i] for s in input_shape if s[i] is not None}) <= 1
            for i in range(len(input_shape[0]))
            if i != axis
        )
        if not matching:
            raise ValueError(
                "A `Concatenate` layer requires inputs with matching shapes except for the "
                "concatenation axis. Received: input_shape=%s" % (input_shape,)
            )
        self.built = True

    def _merge_function(self, values):
        if not -values[0].ndim <= self.axis < values[0].ndim:  # TF's concat reports the axis
            return _tf_concat([wrap(v) for v in values], self.axis)._value
        return torch.cat(values, dim=self.axis)

    def compute_mask(self, inputs, mask=None):
        """Keras' mask: ``None`` when no input is masked; else the masks (all-true for unmasked
        inputs, broadcast to each input's shape) concatenated along ``axis`` and reduced with
        ``any`` over the last axis."""
        if mask is None:
            return None
        self._check_masks(inputs, mask)
        if all(m is None for m in mask):
            return None
        masks = []
        for x, m in zip(inputs, mask):
            value = to_torch(x)
            if m is None:
                masks.append(torch.ones(value.shape, dtype=torch.bool, device=value.device))
                continue
            m = to_torch(m).bool()
            masks.append(m.unsqueeze(-1).expand(value.shape) if m.ndim < value.ndim else m)
        return wrap(torch.cat(masks, dim=self.axis).any(-1))

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
