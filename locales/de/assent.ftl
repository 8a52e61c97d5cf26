## This language's own name, as the language switcher shows it.

language-name = Deutsch

## The hosted consent page.

page-language = Sprache
page-asks-consent = { $org } bittet um Ihre Einwilligung
page-notice = Hinweis
page-purposes = Wofür Ihre Daten verwendet werden
page-purposes-hint = Kreuzen Sie die Zwecke an, denen Sie zustimmen, und speichern Sie dann Ihre Auswahl. Sie können auch allen zustimmen oder alle ablehnen.
page-required = Erforderlich
page-data-used = Verwendete Daten: { $categories }
page-approve = Zustimmen
page-decline = Ablehnen
page-save = Auswahl speichern
page-withdraw = Einwilligung widerrufen
page-receipt-title = Ihre Entscheidung wurde gespeichert
page-receipt-summary =
    { $action ->
        [approved] Sie haben am { $date } allen Zwecken zugestimmt.
        [declined] Sie haben am { $date } alle Zwecke abgelehnt.
        [withdrawn] Sie haben am { $date } Ihre Einwilligung widerrufen.
       *[partial] Sie haben am { $date } einigen Zwecken zugestimmt.
    }
page-granted = Erlaubt
page-not-granted = Nicht erlaubt
page-reference = Referenz: { $reference }
page-change-hint = Sie können Ihre Entscheidung jederzeit über denselben Link ändern oder widerrufen.
page-receipt-download = Signierten Beleg herunterladen
page-export = Alle zu Ihrer Einwilligung gespeicherten Daten herunterladen
page-valid-until = Dieser Link ist gültig bis { $date }.
page-expired-title = Dieser Link ist abgelaufen
page-expired-body = Einwilligungslinks sind nur für begrenzte Zeit gültig. Bitten Sie die Organisation, die Ihnen den Link gesendet hat, um einen neuen.
page-replaced-title = Dieser Link wurde ersetzt
page-replaced-body = Für diese Anfrage wurde ein neuerer Link gesendet. Bitte verwenden Sie die zuletzt erhaltene Nachricht.
page-unknown-title = Link nicht gefunden
page-unknown-body = Dieser Einwilligungslink existiert nicht. Prüfen Sie, ob Sie den vollständigen Link geöffnet haben.
page-error-title = Etwas ist schiefgelaufen
page-error-body = Bitte versuchen Sie es in einem Moment erneut.

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] Über diesen Link wurden in kurzer Zeit viele Entscheidungen getroffen. Ihre letzte Auswahl wurde nicht gespeichert; versuchen Sie es in { $minutes } Minute erneut.
       *[other] Über diesen Link wurden in kurzer Zeit viele Entscheidungen getroffen. Ihre letzte Auswahl wurde nicht gespeichert; versuchen Sie es in { $minutes } Minuten erneut.
    }
decision-missing = Wählen Sie eine Option: „Zustimmen“, „Auswahl speichern“ oder „Ablehnen“.
decision-invalid = Diese Auswahl kann nicht gespeichert werden: Der Hinweis hat sich geändert, nachdem diese Seite geöffnet wurde. Laden Sie die Seite neu und treffen Sie Ihre Auswahl erneut.
decision-unreadable = Ihre Auswahl ist nicht angekommen. Bitte versuchen Sie es erneut.
decision-failed-body = Ihre Entscheidung wurde nicht gespeichert. Bitte versuchen Sie es erneut.

## The email that carries a consent link.

email-link-subject = { $org }: Bitte um Ihre Einwilligung
email-link-heading = { $org } bittet um Ihre Einwilligung
email-link-intro = { $org } bittet um Ihre Einwilligung für „{ $collection }“. Lesen Sie, was mit Ihren Daten geschehen soll, und entscheiden Sie für jeden Zweck einzeln.
email-link-button = Prüfen und entscheiden
email-link-expiry = Der Link ist gültig bis { $date }. Über denselben Link können Sie Ihre Entscheidung später ändern oder widerrufen.
