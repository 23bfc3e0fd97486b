"""``keras.layers.RandomBrightness``."""

from ._image_layer import ImagePreprocessingLayer, base_factor, check_seed
from ....api_export import keras_export

_VALUE_RANGE_ERROR = "The `value_range` argument should be a list of two numbers. "


@keras_export("keras.layers.RandomBrightness")
class RandomBrightness(ImagePreprocessingLayer):
    """While training, adds to each image ``u * (value_range[1] - value_range[0])``, ``u`` drawn
    uniformly from ``factor`` (a number ``f`` means ``[-f, f]``, within ``[-1, 1]``), and clips to
    ``value_range`` (stored sorted).  Identity at inference; same distribution as Keras."""

    cast_inputs = False  # Keras shifts the images in their own dtype

    def __init__(self, factor, value_range=(0, 255), seed=None, **kwargs):
        super().__init__(**kwargs)
        self.factor = base_factor(factor or 0.0)  # Keras' base layer reads None as 0
        self.seed = check_seed(seed)
        if not isinstance(value_range, (tuple, list)) or len(value_range) != 2:
            raise ValueError("%sReceived: value_range=%s" % (_VALUE_RANGE_ERROR, value_range))
        self.value_range = sorted(value_range)

    def transform(self, images, training):
        if not training:
            return images
        low, high = self.value_range
        delta = self.uniform(
            (images.shape[0], 1, 1, 1), self.factor[0], self.factor[1], images.device
        ) * (high - low)
        return (images + delta.to(images.dtype)).clamp(low, high)

    def get_config(self):
        config = super().get_config()
        config.update({"factor": self.factor, "value_range": self.value_range, "seed": self.seed})
        return config
