"""TF's ``ImageProjectiveTransformV3`` (Keras' ``image.affine_transform``) over channels-last
batches.

Each transform ``[a0, a1, a2, b0, b1, b2, c0, c1]`` maps an output pixel ``(x, y)``
(integer pixel indices, no half-pixel offset) to the input point
``((a0 x + a1 y + a2) / k, (b0 x + b1 y + b2) / k)`` with ``k = c0 x + c1 y + 1``.
Points outside the image are mapped back by ``fill_mode`` (TF's own formulas, including
its ``wrap`` quirk), then sampled by ``nearest`` (round half away from zero) or
``bilinear`` (torch's ``grid_sample`` at the mapped points); in ``constant`` mode any tap
outside the image reads ``fill_value``.
"""

import torch

INTERPOLATIONS = ("nearest", "bilinear")
FILL_MODES = ("reflect", "wrap", "constant", "nearest")


def _reflect(coord, size):
    if size <= 1:
        return torch.zeros_like(coord)
    period = 2 * size
    low = coord + period * torch.trunc(-coord / period)
    low = torch.where(low < -size, low + period, -low - 1)
    high = coord - period * torch.trunc(coord / period)
    high = torch.where(high >= size, period - high - 1, high)
    coord = torch.where(coord < 0, low, torch.where(coord > size - 1, high, coord))
    return coord.clamp(0, size - 1)


def _wrap(coord, size):
    if size <= 1:
        return torch.zeros_like(coord)
    span = size - 1
    low = coord + size * (torch.trunc(-coord / span) + 1)
    high = coord - size * torch.trunc(coord / span)
    coord = torch.where(coord < 0, low, torch.where(coord > size - 1, high, coord))
    return coord.clamp(0, size - 1)


def _map(coord, size, fill_mode):
    if fill_mode == "reflect":
        return _reflect(coord, size)
    if fill_mode == "wrap":
        return _wrap(coord, size)
    if fill_mode == "nearest":
        return coord.clamp(0, size - 1)
    return coord


def _reader(images, fill_mode, fill_value):
    """``read(y, x)``: the pixels at integer ``(N, H, W)`` coordinates, one flat gather; taps
    outside the image read ``fill_value`` in ``constant`` mode (in the other modes they only ever
    get weight 0)."""
    batch_size, height, width, channels = images.shape
    flat = images.reshape(-1, channels)
    offset = (torch.arange(batch_size, device=images.device) * (height * width))[:, None, None]
    fill = torch.full((), fill_value, dtype=images.dtype, device=images.device)

    def read(y, x):
        index = offset + y.clamp(0, height - 1) * width + x.clamp(0, width - 1)
        values = flat.index_select(0, index.reshape(-1)).reshape(index.shape + (channels,))
        if fill_mode != "constant":
            return values
        inside = (y >= 0) & (y < height) & (x >= 0) & (x < width)
        return torch.where(inside[..., None], values, fill)

    return read


def affine_transform(
    images, transforms, interpolation="bilinear", fill_mode="constant", fill_value=0.0
):
    """``images`` (float ``(N, H, W, C)``) warped by ``transforms`` (``(N, 8)`` or ``(1, 8)``),
    as TF does."""
    height, width = images.shape[1], images.shape[2]
    t = transforms.to(dtype=torch.float32, device=images.device)[:, :, None, None]
    ys = torch.arange(height, dtype=torch.float32, device=images.device)[:, None]
    xs = torch.arange(width, dtype=torch.float32, device=images.device)[None, :]
    projection = t[:, 6] * xs + t[:, 7] * ys + 1
    degenerate = projection == 0
    projection = torch.where(degenerate, torch.ones_like(projection), projection)
    x = _map((t[:, 0] * xs + t[:, 1] * ys + t[:, 2]) / projection, width, fill_mode)
    y = _map((t[:, 3] * xs + t[:, 4] * ys + t[:, 5]) / projection, height, fill_mode)
    if interpolation == "nearest" or height == 1 or width == 1:
        out = _gathered(images, y, x, interpolation, fill_mode, fill_value)
    else:
        out = _bilinear(images, y, x, fill_mode, fill_value)
    return torch.where(
        degenerate[..., None], torch.full((), fill_value, dtype=out.dtype, device=out.device), out
    )


def _gathered(images, y, x, interpolation, fill_mode, fill_value):
    read = _reader(images, fill_mode, fill_value)
    if interpolation == "nearest":
        return read(_round(y), _round(x))
    y0, x0 = torch.floor(y), torch.floor(x)
    wy, wx = (y - y0)[..., None], (x - x0)[..., None]
    y0, x0 = y0.long(), x0.long()
    top = (1 - wx) * read(y0, x0) + wx * read(y0, x0 + 1)
    bottom = (1 - wx) * read(y0 + 1, x0) + wx * read(y0 + 1, x0 + 1)
    return (1 - wy) * top + wy * bottom


def _bilinear(images, y, x, fill_mode, fill_value):
    """Bilinear taps at the mapped points by ``grid_sample`` (pixel-exact with ``align_corners``):
    taps outside the image weigh zero, plus ``fill_value`` times their weight in ``constant``
    mode."""
    height, width = images.shape[1], images.shape[2]
    grid = torch.stack([x * (2.0 / (width - 1)) - 1, y * (2.0 / (height - 1)) - 1], dim=-1)
    grid = grid.expand(images.shape[0], -1, -1, -1).to(images.dtype)
    sample = torch.nn.functional.grid_sample
    out = sample(
        images.permute(0, 3, 1, 2), grid, mode="bilinear", padding_mode="zeros", align_corners=True
    )
    if fill_mode == "constant" and fill_value != 0:
        ones = torch.ones((1, 1, height, width), dtype=images.dtype, device=images.device)
        inside = sample(
            ones.expand(grid.shape[0], -1, -1, -1),
            grid,
            mode="bilinear",
            padding_mode="zeros",
            align_corners=True,
        )
        out = out + (1 - inside) * fill_value
    return out.permute(0, 2, 3, 1)


def _round(coord):
    """``std::round``: halves away from zero (torch rounds them to even)."""
    return (torch.sign(coord) * torch.floor(coord.abs() + 0.5)).long()


def check_modes(fill_mode, interpolation):
    """Keras' ``NotImplementedError`` for a ``fill_mode`` / ``interpolation`` it does not
    support."""
    if fill_mode not in FILL_MODES:
        raise NotImplementedError(
            "Unknown `fill_mode` %s. Expected of one %s." % (fill_mode, FILL_MODES)
        )
    if interpolation not in INTERPOLATIONS:
        raise NotImplementedError(
            "Unknown `interpolation` %s. Expected of one %s." % (interpolation, INTERPOLATIONS)
        )


def rows(device, *columns):
    """An ``(N, 8)`` transform on ``device`` from eight ``(N,)`` tensors or Python numbers
    (broadcast)."""
    columns = [torch.as_tensor(c, dtype=torch.float32, device=device) for c in columns]
    return torch.stack(torch.broadcast_tensors(*columns), dim=1)
