"""``keras.layers.RandomContrast``."""

from ....framework.op_errors import input_dtype_error
from ._image_layer import ImagePreprocessingLayer, base_factor, check_seed
from ....api_export import keras_export


@keras_export("keras.layers.RandomContrast")
class RandomContrast(ImagePreprocessingLayer):
    """While training, scales each image's deviation from its per-channel mean by a factor drawn
    uniformly from ``[1 - factor[0], 1 + factor[1]]`` and clips to ``value_range``.  As in Keras,
    a number ``f`` becomes ``factor = (0, f)`` (bounds ``[0, 1]``), so it only raises contrast.
    Identity at inference; same distribution as Keras (torch's generator)."""

    cast_inputs = False  # Keras adjusts the images in their own dtype

    def __init__(self, factor, value_range=(0, 255), seed=None, **kwargs):
        super().__init__(**kwargs)
        self.factor = base_factor(factor, (0, 1))
        self.value_range = value_range
        self.seed = check_seed(seed)

    def transform(self, images, training):
        if not training:
            return images
        if not images.dtype.is_floating_point:  # ``images - mean(images)``: TF's Sub refuses
            raise input_dtype_error("Sub", 1, images, "float")
        factor = self.uniform(
            (images.shape[0], 1, 1, 1), 1.0 - self.factor[0], 1.0 + self.factor[1], images.device
        ).to(images.dtype)
        mean = images.mean(dim=(1, 2), keepdim=True)
        return ((images - mean) * factor + mean).clamp(self.value_range[0], self.value_range[1])

    def get_config(self):
        config = super().get_config()
        config.update({"factor": self.factor, "value_range": self.value_range, "seed": self.seed})
        return config
