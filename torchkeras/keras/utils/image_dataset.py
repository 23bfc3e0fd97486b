"""``keras.utils.image_dataset_from_directory``: image files in class subfolders -> a
``tf.data.Dataset``."""

import numpy as np
import torch
import torch.nn.functional as F

from ...framework.tensor import wrap
from ..backend import config as backend_config
from . import directory_index
from ...ops.image_decode import decode_image
from ...api_export import keras_export

__all__ = ["image_dataset_from_directory", "ALLOWLIST_FORMATS"]

ALLOWLIST_FORMATS = (".bmp", ".gif", ".jpeg", ".jpg", ".png")
"""The file extensions ``image_dataset_from_directory`` reads (Keras' list)."""
_KERAS_INTERPOLATIONS = (
    "bilinear",
    "nearest",
    "bicubic",
    "area",
    "lanczos3",
    "lanczos5",
    "gaussian",
    "mitchellcubic",
)
_TORCH_MODES = {"bilinear": "bilinear", "nearest": "nearest-exact"}
_CHANNELS = {"rgb": 3, "rgba": 4, "grayscale": 1}


def _resize(image, size, interpolation):
    """TF's ``tf.image.resize`` (half-pixel centres, no antialiasing) of a float32 ``(h, w, c)``
    tensor."""
    if tuple(image.shape[:2]) == tuple(size):
        return image
    mode = _TORCH_MODES[interpolation]
    batched = image.permute(2, 0, 1).unsqueeze(0)
    if mode == "bilinear":
        out = F.interpolate(batched, size=tuple(size), mode=mode, align_corners=False)
    else:
        out = F.interpolate(batched, size=tuple(size), mode=mode)
    return out[0].permute(1, 2, 0)


def _crop_to_aspect_ratio(image, size):
    """Keras' ``smart_resize`` crop: the largest central box with the target's aspect ratio."""
    height, width = image.shape[0], image.shape[1]
    target_height, target_width = size
    crop_height = max(
        min(height, int(np.float32(width * target_height) / np.float32(target_width))), 1
    )
    crop_width = max(
        min(width, int(np.float32(height * target_width) / np.float32(target_height))), 1
    )
    top = int(np.float32(height - crop_height) / 2)
    left = int(np.float32(width - crop_width) / 2)
    return image[top : top + crop_height, left : left + crop_width]


def _resize_with_pad(image, size, interpolation):
    """TF's ``tf.image.resize_with_pad``: resize keeping the aspect ratio, then pad with zeros,
    centred."""
    height, width = np.float32(image.shape[0]), np.float32(image.shape[1])
    target_height, target_width = size
    ratio = max(width / np.float32(target_width), height / np.float32(target_height))
    resized_height_float, resized_width_float = height / ratio, width / ratio
    resized_height, resized_width = (
        int(np.floor(resized_height_float)),
        int(np.floor(resized_width_float)),
    )
    resized = _resize(image, (resized_height, resized_width), interpolation)
    top = max(0, int(np.floor((np.float32(target_height) - resized_height_float) / 2)))
    left = max(0, int(np.floor((np.float32(target_width) - resized_width_float) / 2)))
    out = torch.zeros((target_height, target_width, image.shape[2]), dtype=image.dtype)
    out[top : top + resized_height, left : left + resized_width] = resized
    return out


def _loader(
    image_size, num_channels, interpolation, data_format, crop_to_aspect_ratio, pad_to_aspect_ratio
):
    def load(path):
        filename = path._value.item().decode()
        with open(filename, "rb") as f:
            pixels = decode_image(f.read(), num_channels, filename)
        image = torch.from_numpy(pixels.astype(np.float32))
        if crop_to_aspect_ratio:
            image = _resize(_crop_to_aspect_ratio(image, image_size), image_size, interpolation)
        elif pad_to_aspect_ratio:
            image = _resize_with_pad(image, image_size, interpolation)
        else:
            image = _resize(image, image_size, interpolation)
        if interpolation == "nearest":
            image = image.to(torch.uint8)
        if data_format == "channels_first":
            image = image.permute(2, 0, 1)
        return wrap(image.contiguous())

    return load


@keras_export(
    "keras.utils.image_dataset_from_directory", "keras.preprocessing.image_dataset_from_directory"
)
def image_dataset_from_directory(
    directory,
    labels="inferred",
    label_mode="int",
    class_names=None,
    color_mode="rgb",
    batch_size=32,
    image_size=(256, 256),
    shuffle=True,
    seed=None,
    validation_split=None,
    subset=None,
    interpolation="bilinear",
    follow_links=False,
    crop_to_aspect_ratio=False,
    pad_to_aspect_ratio=False,
    data_format=None,
    format="tf",
    verbose=True,
):
    """A dataset of ``(images, labels)`` batches from ``directory/<class>/*.{png,jpg,...}``, as
    Keras builds it.

    Images are float32 (uint8 with ``interpolation="nearest"``, as TF's
    nearest-neighbour resize keeps the dtype) ``(batch, height, width,
    channels)`` (``color_mode``
    ``"rgb"``, ``"rgba"`` or ``"grayscale"``), resized to ``image_size`` as
    ``tf.image.resize`` does (after a central crop with
    ``crop_to_aspect_ratio``, or with zero padding with
    ``pad_to_aspect_ratio``).  Labels, subsets and messages as
    ``text_dataset_from_directory``.  PNG needs nothing installed; JPEG, BMP
    and GIF need Pillow (the ``image`` extra); JPEG pixels may differ from
    TF's decoder by a few levels.  Differences from Keras: ``interpolation``
    is ``"bilinear"`` or ``"nearest"`` (TF's other kernels are refused);
    the shuffle buffer's order differs from TF's; only ``format="tf"``.
    """
    directory_index.check_labels_arg(labels, class_names)
    if label_mode not in {"int", "categorical", "binary", None}:
        raise ValueError(
            '`label_mode` argument must be one of "int", "categorical", "binary", or None. '
            "Received: "
            "label_mode=%s" % label_mode
        )
    if labels is None or label_mode is None:
        labels = None
        label_mode = None
    if color_mode not in _CHANNELS:
        raise ValueError(
            '`color_mode` must be one of {"rgb", "rgba", "grayscale"}. Received: color_mode=%s'
            % color_mode
        )
    num_channels = _CHANNELS[color_mode]
    if isinstance(image_size, int):
        image_size = (image_size, image_size)
    elif not isinstance(image_size, (list, tuple)) or not len(image_size) == 2:
        raise ValueError(
            "Invalid `image_size` value. Expected a tuple of 2 integers. Received: image_size=%s"
            % (image_size,)
        )
    interpolation = interpolation.lower()
    if interpolation not in _KERAS_INTERPOLATIONS:
        raise ValueError(
            "Argument `interpolation` should be one of %s. Received: interpolation=%s"
            % (_KERAS_INTERPOLATIONS, interpolation)
        )
    if interpolation not in _TORCH_MODES:
        raise ValueError(
            "torchkeras resizes images with `interpolation` 'bilinear' or 'nearest' only (TF's "
            "other "
            "kernels have no torch equivalent). Received: interpolation=%s" % interpolation
        )
    if format != "tf":
        raise ValueError(
            '`format` should be either "tf" or "grain". Received: format=%s' % format
            if format != "grain"
            else 'format="grain" requires the `grain` package, which torchkeras does '
            'not support; use format="tf".'
        )
    if pad_to_aspect_ratio and crop_to_aspect_ratio:
        raise ValueError(
            "Only one of `pad_to_aspect_ratio`, `crop_to_aspect_ratio` can be set to `True`."
        )
    directory_index.check_validation_split_arg(validation_split, subset, shuffle, seed)
    if seed is None:
        seed = np.random.randint(1e6)
    image_paths, labels, class_names = directory_index.index_directory(
        directory,
        labels,
        formats=ALLOWLIST_FORMATS,
        class_names=class_names,
        shuffle=shuffle,
        seed=seed,
        follow_links=follow_links,
        verbose=verbose,
    )
    directory_index.check_binary_class_names(label_mode, class_names)
    data_format = data_format or backend_config.image_data_format()
    load = _loader(
        tuple(image_size),
        num_channels,
        interpolation,
        data_format,
        crop_to_aspect_ratio,
        pad_to_aspect_ratio,
    )
    return directory_index.make_subset_datasets(
        image_paths,
        labels,
        class_names,
        label_mode=label_mode,
        load=load,
        subset=subset,
        validation_split=validation_split,
        shuffle=shuffle,
        seed=seed,
        batch_size=batch_size,
        no_files_message=lambda kind: (
            "No %simages found in directory %s. Allowed formats: %s"
            % (kind, directory, ALLOWLIST_FORMATS)
        ),
        keep_file_paths=True,
    )
