"""``keras.layers.RandomTranslation``."""

from . import _affine
from ._affine_layer import AffineLayer, side_factor
from ....api_export import keras_export

_MESSAGE = (
    "The `factor` argument should be a number (or a list of two numbers) in the range [-1.0, 1.0]. "
)


@keras_export("keras.layers.RandomTranslation")
class RandomTranslation(AffineLayer):
    """While training, shifts each image by ``u * height`` rows and ``v * width`` columns, ``u`` and
    ``v`` drawn uniformly from ``height_factor`` / ``width_factor`` (a number ``f`` means
    ``[-f, f]``), filling uncovered pixels by ``fill_mode``.  Identity at inference; same
    distribution as Keras (torch's generator)."""

    _shape_read_rank = 3  # Keras reads ``shape[-3]`` first

    def __init__(
        self,
        height_factor,
        width_factor,
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
        self.height_factor = height_factor
        self.height_lower, self.height_upper = side_factor(height_factor, "height_factor", _MESSAGE)
        self.width_factor = width_factor
        self.width_lower, self.width_upper = side_factor(width_factor, "width_factor", _MESSAGE)

    def transforms(self, images):
        batch, height, width = images.shape[0], images.shape[1], images.shape[2]
        shift_y = (
            self.uniform((batch,), self.height_lower, self.height_upper, images.device) * height
        )
        shift_x = self.uniform((batch,), self.width_lower, self.width_upper, images.device) * width
        return _affine.rows(images.device, 1.0, 0.0, -shift_x, 0.0, 1.0, -shift_y, 0.0, 0.0)

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "height_factor": self.height_factor,
                "width_factor": self.width_factor,
                "fill_mode": self.fill_mode,
                "interpolation": self.interpolation,
                "seed": self.seed,
                "fill_value": self.fill_value,
                "data_format": self.data_format,
            }
        )
        return config
