"""Dates: the printed forms, two-digit years, and where each date of a letter comes from."""

from __future__ import annotations

from datetime import date

import pytest

from imr_archive.parsing import parse_text
from imr_archive.parsing.dates import find_date, parse_date
from tests.parsing.letters import determination_letter

PRINTED = [
    ("04/27/2009", date(2009, 4, 27)),
    ("4/27/09", date(2009, 4, 27)),
    ("2/4/03", date(2003, 2, 4)),
    ("05/05/99", date(1999, 5, 5)),
    ("1/1/29", date(2029, 1, 1)),
    ("1/1/30", date(1930, 1, 1)),
    ("1/1/00", date(2000, 1, 1)),
    ("3/5/7", date(2007, 3, 5)),
    ("11-14-2014", date(2014, 11, 14)),
    ("2014-11-14", date(2014, 11, 14)),
    ("July 19, 2008", date(2008, 7, 19)),
    ("June 14, 2011", date(2011, 6, 14)),
    ("January 3 2011", date(2011, 1, 3)),
    ("Sept. 3, 2013", date(2013, 9, 3)),
    ("Dec 1st, 2012", date(2012, 12, 1)),
    ("19 July 2008", date(2008, 7, 19)),
    ("02/30/2014", None),
    ("13/01/2014", None),
    ("1/1/1850", None),
    ("not a date", None),
]


@pytest.mark.parametrize(("printed", "value"), PRINTED)
def test_parse_date(printed, value):
    assert parse_date(printed) == value


def test_find_date_skips_pain_scores_and_sections():
    assert find_date("pain 7/10 per section 9792.24.1 seen 3/4/2014") == (date(2014, 3, 4), "3/4/2014")
    assert find_date("rated 8/10 today") == (None, None)


INJURY = [
    ("The patient is a 42-year old female with an injury date of 04/27/09.", date(2009, 4, 27)),
    ("The injured worker is a 55-year-old male, who sustained an industrial injury on 2/4/03.", date(2003, 2, 4)),
    ("The patient is a 56-year-old female who was injured on July 19, 2008 while lifting boxes.", date(2008, 7, 19)),
    ("The patient is a 48-year-old male with a date of injury of 03/15/2011.", date(2011, 3, 15)),
    ("The applicant injured his low back on 11/02/2009 while lifting a case.", date(2009, 11, 2)),
    ("This 67-year-old male sustained a work-related injury on 06/18/2009 when he fell.", date(2009, 6, 18)),
    ("She reported an industrial injury on 02/11/2014 when she was rear-ended.", date(2014, 2, 11)),
    ("The applicant is a clerk with a date of injury of June 14, 2011. The mechanism was lifting.",
     date(2011, 6, 14)),
    ("Date of injury (DOI) 5/1/2012. The patient has pain.", date(2012, 5, 1)),
    ("DOI: 5/1/2012.", date(2012, 5, 1)),
    ("The date of injury is 10/30/2005.", date(2005, 10, 30)),
    ("The patient was injured at work on 8/3/11 when a cart tipped.", date(2011, 8, 3)),
    ("He was hurt in an accident on 12/01/2006.", date(2006, 12, 1)),
    ("The patient has chronic pain since 2010. Treatment has included therapy.", None),
]


@pytest.mark.parametrize(("summary", "injury"), INJURY)
def test_injury_date_from_the_summary(summary, injury):
    assert parse_text(determination_letter(summary=summary)).dates.injury == injury


UR_DENIAL = [
    ("The utilization review determination being challenged is dated 11/14/14.", date(2014, 11, 14)),
    ("Utilization review dated 08/19/2014 non-certified the request.", date(2014, 8, 19)),
    ("A utilization review dated 12/27/2012 non-certified both requests.", date(2012, 12, 27)),
    ("On 02/03/2015, utilization review non-certified the requests.", date(2015, 2, 3)),
    ("The 11/14/14 UR denied the request.", date(2014, 11, 14)),
    ("The request was denied by utilization review on 9/30/14.", date(2014, 9, 30)),
    ("The request was non-certified on 10/21/14.", date(2014, 10, 21)),
    ("The treating physician requested a TENS unit.", None),
]


@pytest.mark.parametrize(("sentence", "ur_denial"), UR_DENIAL)
def test_ur_denial_date_from_the_summary(sentence, ur_denial):
    summary = "The patient is a 50-year-old male with a date of injury of 01/02/2010. " + sentence
    assert parse_text(determination_letter(summary=summary)).dates.ur_denial == ur_denial


def test_header_dates_win_over_the_summary():
    header = ("Case Number: CM14-0185674 Date Assigned: 11/26/2014\nDate of Injury: 04/27/2009 Decision Date: "
              "01/08/2015\nUR Denial Date: 11/14/2014 Priority: Standard\nApplication Received: 11/20/2014")
    summary = "The patient was injured on 01/01/2001. Utilization review dated 02/02/2002 denied it."
    letter = parse_text(determination_letter(header=header, summary=summary))
    assert letter.case_number == "CM14-0185674"
    assert letter.priority == "Standard"
    assert letter.dates.assigned == date(2014, 11, 26)
    assert letter.dates.injury == date(2009, 4, 27)
    assert letter.dates.decision == date(2015, 1, 8)
    assert letter.dates.ur_denial == date(2014, 11, 14)
    assert letter.dates.application_received == date(2014, 11, 20)


def test_documents_reviewed_dated_line_is_the_decision_date():
    text = determination_letter(header="Dated: January 8, 2014")
    assert parse_text(text).dates.decision == date(2014, 1, 8)


def test_dated_inside_a_sentence_is_not_the_decision_date():
    text = determination_letter(summary="The progress report dated: 01/02/2013 was reviewed.")
    assert parse_text(text).dates.decision is None


def test_unreadable_header_date_is_a_warning():
    letter = parse_text(determination_letter(header="Date of Injury: 13/45/2012"))
    assert letter.dates.injury == date(2010, 1, 2)  # from the summary instead
    assert any("unreadable date of injury" in w for w in letter.warnings)
