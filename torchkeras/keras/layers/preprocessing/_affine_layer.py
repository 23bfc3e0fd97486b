"""The base of the layers that warp images by a random affine transform per image."""

from . import _affine
from ._image_layer import ImagePreprocessingLayer, check_seed


class AffineLayer(ImagePreprocessingLayer):
    """Holds ``fill_mode``, ``interpolation``, ``fill_value`` and ``seed`` (each subclass lists them
    in its config, in Keras' order); ``transform`` warps
    the batch by ``transforms(images)`` while training and is the identity otherwise."""

    def __init__(
        self,
        fill_mode="reflect",
        interpolation="bilinear",
        seed=None,
        fill_value=0.0,
        data_format=None,
        **kwargs,
    ):
        super().__init__(data_format=data_format, **kwargs)
        _affine.check_modes(fill_mode, interpolation)
        self.fill_mode = fill_mode
        self.interpolation = interpolation
        self.seed = check_seed(seed)
        self.fill_value = fill_value

    def transform(self, images, training):
        if not training:
            return images
        return _affine.affine_transform(
            images, self.transforms(images), self.interpolation, self.fill_mode, self.fill_value
        ).to(images.dtype)

    def transforms(self, images):
        """The ``(N, 8)`` projective transforms for the channels-last batch ``images``."""
        raise NotImplementedError


def side_factor(factor, name, message, open_low=False):
    """Keras' ``(lower, upper)`` for ``height_factor`` / ``width_factor`` of zoom and translation:
    a number ``f`` gives ``(-f, f)``, a pair is sorted; each value must lie in ``[-1, 1]``
    (``(-1, 1]`` when ``open_low``)."""

    def check(value):
        if value > 1.0 or value < -1.0 or (open_low and value == -1.0):
            raise ValueError("%sReceived: input_number=%s" % (message, value))

    if isinstance(factor, (tuple, list)):
        if len(factor) != 2:
            raise ValueError("%sReceived: %s=%s" % (message, name, factor))
        check(factor[0])
        check(factor[1])
        return tuple(sorted(factor))
    if isinstance(factor, (int, float)):
        check(factor)
        return -abs(factor), abs(factor)
    raise ValueError("%sReceived: %s=%s" % (message, name, factor))
