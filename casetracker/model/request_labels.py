"""Words for the stored request codes (kinds, channels, reply outcomes), for every front end.

Kinds are named as the body ("Military prosecutor's office"), so a message can put one before
a colon and never needs a grammatical case of it.
"""

from casetracker.i18n import translate
from casetracker.model.requests import ReplyOutcome, RequestChannel, RequestKind


def request_kind_label(kind: RequestKind | str) -> str:
    return {
        RequestKind.MILITARY_PROSECUTOR: translate("requests", "Military prosecutor's office"),
        RequestKind.MILITARY_INVESTIGATORS: translate("requests", "Military investigators"),
        RequestKind.OMBUDSMAN: translate("requests", "Human rights commissioner"),
        RequestKind.COMMANDER: translate("requests", "Unit commander"),
        RequestKind.COURT: translate("requests", "Court"),
        RequestKind.RED_CROSS: translate("requests", "Red Cross"),
        RequestKind.HOSPITAL: translate("requests", "Hospital"),
        RequestKind.OTHER: translate("requests", "Other body"),
    }[RequestKind(kind)]


def request_channel_label(channel: RequestChannel | str) -> str:
    return {
        RequestChannel.POST: translate("requests", "By post"),
        RequestChannel.EMAIL: translate("requests", "By e-mail"),
        RequestChannel.ONLINE_RECEPTION: translate("requests", "Online reception"),
        RequestChannel.IN_PERSON: translate("requests", "Handed in person"),
        RequestChannel.FAX: translate("requests", "By fax"),
        RequestChannel.OTHER: translate("requests", "Other way"),
    }[RequestChannel(channel)]


def reply_outcome_label(outcome: ReplyOutcome | str) -> str:
    return {
        ReplyOutcome.ANSWERED: translate("requests", "Answered"),
        ReplyOutcome.PARTIAL: translate("requests", "Partial or formal answer"),
        ReplyOutcome.FORWARDED: translate("requests", "Forwarded to another body"),
        ReplyOutcome.REFUSED: translate("requests", "Refused"),
    }[ReplyOutcome(outcome)]
