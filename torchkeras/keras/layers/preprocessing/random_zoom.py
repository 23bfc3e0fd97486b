"""``keras.layers.RandomZoom``."""

from . import _affine
from ._affine_layer import AffineLayer, side_factor
from ....api_export import keras_export

_MESSAGE = (
    "The `height_factor` and `width_factor` arguments should be a number (or a list of two "
    "numbers) in the "
    "range (-1.0, 1.0]. "
)


@keras_export("keras.layers.RandomZoom")
class RandomZoom(AffineLayer):
    """While training, zooms each image about its centre by ``1 + u`` per axis, ``u`` drawn
    uniformly from ``height_factor`` / ``width_factor`` (a number ``f`` means ``[-f, f]``; positive
    values zoom out, as Keras).  ``width_factor=None`` reuses the height zoom (aspect ratio kept).
    Uncovered pixels are filled by ``fill_mode``.  Identity at inference; same distribution as
    Keras."""

    def __init__(
        self,
        height_factor,
        width_factor=None,
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
        self.height_lower, self.height_upper = side_factor(
            height_factor, "height_factor", _MESSAGE, open_low=True
        )
        self.width_factor = width_factor
        if width_factor is not None:
            self.width_lower, self.width_upper = side_factor(
                width_factor, "width_factor", _MESSAGE, open_low=True
            )

    def transforms(self, images):
        batch, height, width = images.shape[0], images.shape[1], images.shape[2]
        zoom_y = self.uniform(
            (batch,), 1.0 + self.height_lower, 1.0 + self.height_upper, images.device
        )
        zoom_x = zoom_y
        if self.width_factor is not None:
            zoom_x = self.uniform(
                (batch,), 1.0 + self.width_lower, 1.0 + self.width_upper, images.device
            )
        return _affine.rows(
            images.device,
            zoom_x,
            0.0,
            (width - 1.0) / 2.0 * (1.0 - zoom_x),
            0.0,
            zoom_y,
            (height - 1.0) / 2.0 * (1.0 - zoom_y),
            0.0,
            0.0,
        )

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
