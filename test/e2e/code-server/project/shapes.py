"""Shapes."""


def perimeter(width, height):
    if width < 0:
        raise ValueError("negative width")
    return 2 * (width + height)
