"""The word-index sequence processing shared by ``imdb`` and ``reuters``."""


def offset(sequences, start_char, index_from):
    """Each sequence shifted by ``index_from`` and prefixed with ``start_char`` (when not
    ``None``)."""
    if start_char is not None:
        return [[start_char] + [w + index_from for w in seq] for seq in sequences]
    if index_from:
        return [[w + index_from for w in seq] for seq in sequences]
    return [list(seq) for seq in sequences]


def drop_long(maxlen, sequences, labels):
    """The sequences shorter than ``maxlen`` and their labels."""
    kept = [(seq, label) for seq, label in zip(sequences, labels) if len(seq) < maxlen]
    return [seq for seq, _ in kept], [label for _, label in kept]


def limit_vocabulary(sequences, num_words, skip_top, oov_char):
    """Words outside ``[skip_top, num_words)`` replaced by ``oov_char`` (dropped when it is
    ``None``);
    ``num_words=None`` keeps up to the largest index present."""
    if not num_words:
        num_words = max(max(seq) for seq in sequences)
    if oov_char is not None:
        return [[w if skip_top <= w < num_words else oov_char for w in seq] for seq in sequences]
    return [[w for w in seq if skip_top <= w < num_words] for seq in sequences]
