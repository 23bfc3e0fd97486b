"""``keras.layers.RandomCrop``."""

import random

import torch

from ..regularization import _noise
from ....ops import image_resample as _resample
from ._image_layer import ImagePreprocessingLayer, check_seed
from .resizing import resized_shape
from ....api_export import keras_export


@keras_export("keras.layers.RandomCrop")
class RandomCrop(ImagePreprocessingLayer):
    """While training, crops a ``(height, width)`` window at a random position (one position for the
    whole batch, as Keras) from images larger than it on both sides; otherwise takes the centred
    crop with the target's aspect ratio and resizes it (bilinear) when its size differs.  At
    inference the images pass through unchanged (uncropped), as in Keras 3.  Without ``seed`` a
    random one is drawn (and shows in the config), as Keras does."""

    _shape_read_rank = 3  # Keras reads ``shape[-3]`` first

    def __init__(self, height, width, seed=None, data_format=None, name=None, **kwargs):
        super().__init__(data_format=data_format, name=name, **kwargs)
        self.height = height
        self.width = width
        self.seed = check_seed(seed) if seed is not None else random.randint(1, int(1e9))
        self.supports_masking = False

    def call(self, inputs, training=True):
        if not training:
            return inputs
        return super().call(inputs, training)

    def transform(self, images, training):
        height, width = images.shape[1], images.shape[2]
        if height > self.height and width > self.width:
            generator = _noise.generator(self, torch.device("cpu"))
            top = int(torch.randint(height - self.height + 1, (), generator=generator))
            left = int(torch.randint(width - self.width + 1, (), generator=generator))
        else:
            crop_height = max(min(height, int(float(width * self.height) / self.width)), 1)
            crop_width = max(min(width, int(float(height * self.width) / self.height)), 1)
            top = int(float(height - crop_height) / 2)
            left = int(float(width - crop_width) / 2)
        images = images[:, top : top + self.height, left : left + self.width, :]
        if images.shape[1] != self.height or images.shape[2] != self.width:
            images = _resample.resize_nhwc(images, (self.height, self.width), "bilinear").to(
                images.dtype
            )
        return images

    def compute_output_shape(self, input_shape):
        return resized_shape(input_shape, self.height, self.width, self.data_format)

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "height": self.height,
                "width": self.width,
                "seed": self.seed,
                "data_format": self.data_format,
            }
        )
        return config
