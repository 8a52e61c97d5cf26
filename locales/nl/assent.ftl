## This language's own name, as the language switcher shows it.

language-name = Nederlands

## The hosted consent page.

page-language = Taal
page-asks-consent = { $org } vraagt om uw toestemming
page-notice = Informatie
page-purposes = Waarvoor uw gegevens worden gebruikt
page-purposes-hint = Vink de doelen aan waarmee u akkoord gaat en sla daarna uw keuzes op. U kunt ook alles accepteren of alles weigeren.
page-required = Verplicht
page-data-used = Gebruikte gegevens: { $categories }
page-approve = Accepteren
page-decline = Weigeren
page-save = Keuzes opslaan
page-withdraw = Toestemming intrekken
page-receipt-title = Uw beslissing is vastgelegd
page-receipt-summary =
    { $action ->
        [approved] U hebt op { $date } alle doelen geaccepteerd.
        [declined] U hebt op { $date } alle doelen geweigerd.
        [withdrawn] U hebt op { $date } uw toestemming ingetrokken.
       *[partial] U hebt op { $date } een deel van de doelen geaccepteerd.
    }
page-granted = Toegestaan
page-not-granted = Niet toegestaan
page-reference = Kenmerk: { $reference }
page-change-hint = U kunt uw beslissing op elk moment via dezelfde link wijzigen of intrekken.
page-receipt-download = Ondertekend ontvangstbewijs downloaden
page-export = Alles downloaden wat over uw toestemming is vastgelegd
page-valid-until = Deze link is geldig tot { $date }.
page-expired-title = Deze link is verlopen
page-expired-body = Toestemmingslinks zijn beperkt geldig. Vraag de organisatie die u de link heeft gestuurd om een nieuwe.
page-replaced-title = Deze link is vervangen
page-replaced-body = Voor dit verzoek is een nieuwere link verstuurd. Gebruik het meest recente bericht dat u hebt ontvangen.
page-unknown-title = Link niet gevonden
page-unknown-body = Deze toestemmingslink bestaat niet. Controleer of u de volledige link hebt geopend.
page-error-title = Er is iets misgegaan
page-error-body = Probeer het over een ogenblik opnieuw.

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] Met deze link zijn in korte tijd veel beslissingen genomen. Uw laatste keuze is niet opgeslagen; probeer het over { $minutes } minuut opnieuw.
       *[other] Met deze link zijn in korte tijd veel beslissingen genomen. Uw laatste keuze is niet opgeslagen; probeer het over { $minutes } minuten opnieuw.
    }
decision-missing = Kies een optie: “Accepteren”, “Keuzes opslaan” of “Weigeren”.
decision-invalid = Deze keuze kan niet worden opgeslagen: de informatie is gewijzigd nadat deze pagina werd geopend. Laad de pagina opnieuw en maak opnieuw uw keuze.
decision-unreadable = Uw keuze is niet aangekomen. Probeer het opnieuw.
decision-failed-body = Uw beslissing is niet opgeslagen. Probeer het opnieuw.

## The email that carries a consent link.

email-link-subject = { $org }: verzoek om uw toestemming
email-link-heading = { $org } vraagt om uw toestemming
email-link-intro = { $org } vraagt om uw toestemming voor “{ $collection }”. Lees wat er met uw gegevens zal gebeuren en beslis per doel.
email-link-button = Bekijken en beslissen
email-link-expiry = De link is geldig tot { $date }. Via dezelfde link kunt u uw beslissing later wijzigen of intrekken.
