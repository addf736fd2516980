import unittest

from placement import util


class NormalizeResourceClassTest(unittest.TestCase):

    def test_dashes_become_underscores(self):
        self.assertEqual('CUSTOM_GOLD', util.normalizeResourceClass(' custom-gold '))

    def test_rejects_punctuation(self):
        self.assertRaises(ValueError, util.normalizeResourceClass, 'gold!')


class ParseMemberOfTest(unittest.TestCase):

    def test_in_prefix(self):
        self.assertEqual(['a', 'b'], util.parse_member_of('in:a,b'))
