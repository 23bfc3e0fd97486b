"""The string, ragged and sparse cells of TF's "Introduction to tensors" guide and the cells
of its "Tensor slicing" guide, written from the guides' documented examples.  Run with
``import tensorflow as tf`` or ``import torchkeras as tf``: both must print the same text."""

import sys

import numpy as np


def run(tf):
    """Runs every cell, printing what the guides print."""
    ragged_list = [[0, 1, 2, 3], [4, 5], [6, 7, 8], [9]]
    try:
        tf.constant(ragged_list)
    except Exception as error:  # noqa: BLE001 - the guide prints the error
        print(f"{type(error).__name__}: {error}")
    ragged_tensor = tf.ragged.constant(ragged_list)
    print(ragged_tensor)
    print(ragged_tensor.shape)

    scalar_string_tensor = tf.constant("Gray wolf")
    print(scalar_string_tensor)
    tensor_of_strings = tf.constant(["Gray wolf", "Quick brown fox", "Lazy dog"])
    print(tensor_of_strings)
    print(repr(tf.constant("🥳👍")))
    print(tf.strings.split(scalar_string_tensor, sep=" "))
    print(tf.strings.split(tensor_of_strings))
    text = tf.constant("1 10 100")
    print(tf.strings.to_number(tf.strings.split(text, " ")))
    byte_strings = tf.strings.bytes_split(tf.constant("Duck"))
    byte_ints = tf.io.decode_raw(tf.constant("Duck"), tf.uint8)
    print("Byte strings:", byte_strings)
    print("Bytes:", byte_ints)
    unicode_bytes = tf.constant("アヒル 🦆")
    print("\nUnicode bytes:", unicode_bytes)
    print("\nUnicode chars:", tf.strings.unicode_split(unicode_bytes, "UTF-8"))
    print("\nUnicode values:", tf.strings.unicode_decode(unicode_bytes, "UTF-8"))

    sparse_tensor = tf.sparse.SparseTensor(
        indices=[[0, 0], [1, 2]], values=[1, 2], dense_shape=[3, 4]
    )
    print(sparse_tensor, "\n")
    print(tf.sparse.to_dense(sparse_tensor))

    t1 = tf.constant([0, 1, 2, 3, 4, 5, 6, 7])
    print(tf.slice(t1, begin=[1], size=[3]))
    print(t1[1:4])
    print(t1[-3:])
    t2 = tf.constant([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [10, 11, 12, 13, 14], [15, 16, 17, 18, 19]])
    print(t2[:-1, 1:3])
    t3 = tf.constant([[[1, 3, 5, 7], [9, 11, 13, 15]], [[17, 19, 21, 23], [25, 27, 29, 31]]])
    print(tf.slice(t3, begin=[1, 1, 0], size=[1, 1, 2]))
    print(tf.gather(t1, indices=[0, 3, 6]))
    print(t1[::3])
    alphabet = tf.constant(list("abcdefghijklmnopqrstuvwxyz"))
    print(tf.gather(alphabet, indices=[2, 0, 19, 18]))
    t4 = tf.constant([[0, 5], [1, 6], [2, 7], [3, 8], [4, 9]])
    print(tf.gather_nd(t4, indices=[[2], [3], [0]]))
    t5 = np.reshape(np.arange(18), [2, 3, 3])
    print(tf.gather_nd(t5, indices=[[0, 0, 0], [1, 2, 1]]))
    print(tf.gather_nd(t5, indices=[[[0, 0], [0, 2]], [[1, 0], [1, 2]]]))
    print(tf.gather_nd(t5, indices=[[0, 0], [0, 2], [1, 0], [1, 2]]))
    t6 = tf.constant([10])
    indices = tf.constant([[1], [3], [5], [7], [9]])
    data = tf.constant([2, 4, 6, 8, 10])
    print(tf.scatter_nd(indices=indices, updates=data, shape=t6))
    new_indices = tf.constant([[0, 2], [2, 1], [3, 3]])
    t7 = tf.gather_nd(t2, indices=new_indices)
    print(tf.scatter_nd(indices=new_indices, updates=t7, shape=tf.constant([4, 5])))
    t8 = tf.SparseTensor(indices=[[0, 2], [2, 1], [3, 3]], values=[2, 11, 18], dense_shape=[4, 5])
    print(t8)
    print(tf.sparse.to_dense(t8))
    t9 = tf.constant([[0, 0, 0], [0, 0, 0]])
    print(tf.tensor_scatter_nd_update(t9, indices=[[0, 2], [1, 1]], updates=[1, 2]))
    t11 = tf.constant([[2, 7, 0], [9, 0, 1], [0, 3, 8]])
    where = [[0, 2], [1, 1], [2, 0]]
    print(tf.tensor_scatter_nd_add(t11, indices=where, updates=[6, 5, 4]))
    print(tf.tensor_scatter_nd_sub(t11, indices=where, updates=[1, 5, 1]))
    print(tf.tensor_scatter_nd_min(t11, indices=where, updates=[-6, -5, -4]))
    print(tf.tensor_scatter_nd_max(t11, indices=where, updates=[6, 5, 4]))


if __name__ == "__main__":
    if sys.argv[1:] == ["tensorflow"]:
        import tensorflow as module
    else:
        import torchkeras as module
    run(module)
