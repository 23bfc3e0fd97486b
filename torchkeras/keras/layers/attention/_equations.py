"""The einsum equations ``MultiHeadAttention`` builds (Keras' letters and axis order)."""

import string

__all__ = ["projection_equation", "attention_equations", "partial_output_shape"]


def projection_equation(free_dims, bound_dims, output_dims):
    """``(equation, bias_axes, output_rank)`` of a projection: ``free_dims`` pass through,
    ``bound_dims`` are contracted with the kernel, ``output_dims`` come from the kernel."""
    letters = string.ascii_lowercase
    free = letters[:free_dims]
    bound = letters[free_dims : free_dims + bound_dims]
    out = letters[free_dims + bound_dims : free_dims + bound_dims + output_dims]
    return "%s,%s->%s" % (free + bound, bound + out, free + out), out, len(free + out)


def partial_output_shape(output_rank, known_last_dims):
    """``EinsumDense``'s ``output_shape``: ``None`` for the leading dims, then
    ``known_last_dims``."""
    return [None] * (output_rank - len(known_last_dims)) + list(known_last_dims)


def attention_equations(rank, attn_axes):
    """``(dot_product_equation, combine_equation, scores_rank)`` for projected tensors of ``rank``
    (``(batch, <non-attention dims>, <attention dims>, heads, channels)``) attending over
    ``attn_axes``.

    The scores are ``(<batch dims>, heads, <query attention dims>, <key attention dims>)``.
    """
    letters = string.ascii_lowercase
    target = letters[:rank]
    batch_dims = [i for i in range(rank) if i not in attn_axes and i != rank - 1]
    source, offset = "", rank
    for i in range(rank):
        if i in batch_dims or i == rank - 1:
            source += target[i]
        else:
            source += letters[offset]
            offset += 1
    product = "".join(
        [target[i] for i in batch_dims]
        + [target[i] for i in attn_axes]
        + [source[i] for i in attn_axes]
    )
    return (
        "%s,%s->%s" % (source, target, product),
        "%s,%s->%s" % (product, source, target),
        len(product),
    )
