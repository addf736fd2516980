"""Never opened in the editor: only the workspace mode reports it."""


def load(path):
    """Return the text of ``path``, or None."""
    try:
        return open(path).read()
    except:
        return None
