import torchkeras as tf
from torchkeras import keras


def test_keras_namespace_exposes_the_api():
    for name in (
        "layers",
        "models",
        "activations",
        "initializers",
        "regularizers",
        "constraints",
        "backend",
        "optimizers",
        "losses",
        "metrics",
        "callbacks",
        "utils",
    ):
        assert hasattr(keras, name), name
    assert keras.Sequential is keras.models.Sequential
    assert keras.Model is keras.models.Model
    assert keras.layers.Layer is keras.Layer
    assert keras.Input is keras.layers.Input
    assert tf.keras is keras


def test_preprocessing_aliases():
    assert keras.preprocessing.sequence.pad_sequences is keras.utils.pad_sequences
    assert (
        keras.preprocessing.image_dataset_from_directory is keras.utils.image_dataset_from_directory
    )
    assert (
        keras.preprocessing.timeseries_dataset_from_array
        is keras.utils.timeseries_dataset_from_array
    )
    assert (
        keras.preprocessing.text_dataset_from_directory is keras.utils.text_dataset_from_directory
    )
