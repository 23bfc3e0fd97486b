"""``keras.layers.RandomRotation``."""

import math

import torch

from . import _affine
from ._affine_layer import AffineLayer
from ._image_layer import base_factor
from ....api_export import keras_export


@keras_export("keras.layers.RandomRotation")
class RandomRotation(AffineLayer):
    """While training, rotates each image about its centre by an angle drawn uniformly from
    ``factor * 360`` degrees (``factor`` a fraction of a full turn: ``f`` means ``[-f, f]``, or a
    ``(lower, upper)`` pair), filling uncovered pixels by ``fill_mode`` (``"reflect"``,
    ``"wrap"``, ``"constant"`` with ``fill_value``, ``"nearest"``).  Identity at inference.
    Same distribution as Keras (torch's generator, not Keras' bits)."""

    _shape_read_rank = 2  # Keras reads ``shape[-2]`` first

    def __init__(
        self,
        factor,
        fill_mode="reflect",
        interpolation="bilinear",
        seed=None,
        fill_value=0.0,
        data_format=None,
        **kwargs,
    ):
        super().__init__(
            fill_mode=fill_mode,
            interpolation=interpolation,
            seed=seed,
            fill_value=fill_value,
            data_format=data_format,
            **kwargs,
        )
        self.factor = base_factor(factor or 0.0)  # Keras' base layer reads None as 0

    def transforms(self, images):
        batch, height, width = images.shape[0], images.shape[1], images.shape[2]
        angle = self.uniform(
            (batch,), self.factor[0] * 360.0, self.factor[1] * 360.0, images.device
        )
        angle = angle * math.pi / 180.0
        cos, sin = torch.cos(angle), torch.sin(angle)
        cx, cy = 0.5 * (width - 1), 0.5 * (height - 1)
        a0, a1, b0, b1 = cos, -sin, sin, cos
        return _affine.rows(
            images.device, a0, a1, cx - cx * a0 - cy * a1, b0, b1, cy - cx * b0 - cy * b1, 0.0, 0.0
        )

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "factor": self.factor,
                "fill_mode": self.fill_mode,
                "fill_value": self.fill_value,
                "interpolation": self.interpolation,
                "seed": self.seed,
            }
        )
        return config
