"""Placement: tracks resource providers, their inventories and the consumers allocating from them."""

__version__ = '0.3.0'
