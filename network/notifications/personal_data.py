"""Personal data of the notifications (see network.personal_data): the bell, the
preferences, the queued notification mails."""

from network.models import Notification, NotificationMail, NotificationPreference


def export(user):
    return {
        "benachrichtigungen": [
            {"art": n.get_kind_display(), "text": n.message, "link": n.url,
             "erstellt": n.created_at, "gelesen": n.read_at}
            for n in Notification.objects.filter(recipient=user).order_by("created_at", "pk")
        ],
        "benachrichtigungs_einstellungen": [
            {"art": p.get_kind_display(), "im_stadtlabor": p.in_app, "per_email": p.by_email}
            for p in NotificationPreference.objects.filter(user=user).order_by("kind")
        ],
        "benachrichtigungs_mails": [
            {"art": m.get_kind_display(), "text": m.message, "link": m.url,
             "erstellt": m.created_at, "gesendet": m.sent_at}
            for m in NotificationMail.objects.filter(recipient=user).order_by("created_at", "pk")
        ],
    }


def erase(user):
    Notification.objects.filter(recipient=user).delete()
    NotificationMail.objects.filter(recipient=user).delete()
    NotificationPreference.objects.filter(user=user).delete()
