"""``keras.layers.CenterCrop``."""

from ....ops import image_resample as _resample
from ._image_layer import ImagePreprocessingLayer
from .resizing import resized_shape
from ....api_export import keras_export


@keras_export("keras.layers.CenterCrop")
class CenterCrop(ImagePreprocessingLayer):
    """Crops the central ``(height, width)`` window of the images.  An image smaller than the
    target along either side is instead cropped to the target's aspect ratio and resized
    (bilinear), as Keras' ``smart_resize``.  Applied in training and inference alike."""

    def __init__(self, height, width, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.height = height
        self.width = width

    def transform(self, images, training):
        height, width = images.shape[1], images.shape[2]
        if height >= self.height and width >= self.width:
            top = (height - self.height) // 2
            left = (width - self.width) // 2
            return images[:, top : top + self.height, left : left + self.width, :]
        size = (self.height, self.width)
        cropped = _resample.crop_to_aspect_ratio(images, size)
        return _resample.resize_nhwc(cropped, size, "bilinear").to(images.dtype)

    def compute_output_shape(self, input_shape):
        input_shape = list(input_shape)
        if isinstance(input_shape[0], (list, tuple)) or len(input_shape) not in (3, 4):
            raise ValueError(
                "`input_shape` must be a non-nested tuple or list of rank-1 with size 3 "
                "(unbatched) "
                "or 4 (batched). "
            )
        return resized_shape(input_shape, self.height, self.width, self.data_format)

    def get_config(self):
        config = super().get_config()
        config.update({"height": self.height, "width": self.width, "data_format": self.data_format})
        return config
