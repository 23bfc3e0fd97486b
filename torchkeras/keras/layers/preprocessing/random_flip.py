"""``keras.layers.RandomFlip``."""

import torch

from ._image_layer import ImagePreprocessingLayer, check_seed
from ....api_export import keras_export

HORIZONTAL = "horizontal"
VERTICAL = "vertical"
HORIZONTAL_AND_VERTICAL = "horizontal_and_vertical"


@keras_export("keras.layers.RandomFlip")
class RandomFlip(ImagePreprocessingLayer):
    """While training, flips each image with probability 1/2: left-right (``"horizontal"``),
    upside down (``"vertical"``) or both at once (``"horizontal_and_vertical"``, one draw per
    image, as Keras).  Identity (cast to the compute dtype) at inference.  ``seed`` seeds the
    layer's torch generator: the same distribution as Keras, not the same bits."""

    def __init__(self, mode=HORIZONTAL_AND_VERTICAL, seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.seed = check_seed(seed)
        self.mode = mode

    def transform(self, images, training):
        if not training:
            return images
        flips = self.uniform((images.shape[0], 1, 1, 1), 0.0, 1.0, images.device) <= 0.5
        if self.mode in (HORIZONTAL, HORIZONTAL_AND_VERTICAL):
            images = torch.where(flips, images.flip(2), images)
        if self.mode in (VERTICAL, HORIZONTAL_AND_VERTICAL):
            images = torch.where(flips, images.flip(1), images)
        return images

    def get_config(self):
        config = super().get_config()
        config.update({"seed": self.seed, "mode": self.mode, "data_format": self.data_format})
        return config
