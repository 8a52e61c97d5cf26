## This language's own name, as the language switcher shows it.

language-name = Français

## The hosted consent page.

page-language = Langue
page-asks-consent = { $org } demande votre consentement
page-notice = Information
page-purposes = À quoi serviront vos données
page-purposes-hint = Cochez les finalités que vous acceptez, puis enregistrez vos choix. Vous pouvez aussi tout accepter ou tout refuser.
page-required = Obligatoire
page-data-used = Données utilisées : { $categories }
page-approve = Accepter
page-decline = Refuser
page-save = Enregistrer mes choix
page-withdraw = Retirer mon consentement
page-receipt-title = Votre décision a été enregistrée
page-receipt-summary =
    { $action ->
        [approved] Vous avez accepté toutes les finalités le { $date }.
        [declined] Vous avez refusé toutes les finalités le { $date }.
        [withdrawn] Vous avez retiré votre consentement le { $date }.
       *[partial] Vous avez accepté certaines finalités le { $date }.
    }
page-granted = Autorisé
page-not-granted = Non autorisé
page-reference = Référence : { $reference }
page-change-hint = Vous pouvez modifier ou retirer votre décision à tout moment via ce même lien.
page-receipt-download = Télécharger le reçu signé
page-export = Télécharger tout ce qui a été enregistré concernant votre consentement
page-valid-until = Ce lien est valable jusqu’au { $date }.
page-expired-title = Ce lien a expiré
page-expired-body = Les liens de consentement sont valables pour une durée limitée. Demandez-en un nouveau à l’organisation qui vous l’a envoyé.
page-replaced-title = Ce lien a été remplacé
page-replaced-body = Un lien plus récent a été envoyé pour cette demande. Veuillez utiliser le dernier message que vous avez reçu.
page-unknown-title = Lien introuvable
page-unknown-body = Ce lien de consentement n’existe pas. Vérifiez que vous avez ouvert le lien en entier.
page-error-title = Une erreur s’est produite
page-error-body = Veuillez réessayer dans un instant.

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] De nombreuses décisions ont été prises avec ce lien en peu de temps. Votre dernier choix n’a pas été enregistré ; réessayez dans { $minutes } minute.
        [many] De nombreuses décisions ont été prises avec ce lien en peu de temps. Votre dernier choix n’a pas été enregistré ; réessayez dans { $minutes } minutes.
       *[other] De nombreuses décisions ont été prises avec ce lien en peu de temps. Votre dernier choix n’a pas été enregistré ; réessayez dans { $minutes } minutes.
    }
decision-missing = Choisissez une option : « Accepter », « Enregistrer mes choix » ou « Refuser ».
decision-invalid = Ce choix ne peut pas être enregistré : l’information a changé depuis l’ouverture de cette page. Rechargez la page et faites à nouveau votre choix.
decision-unreadable = Votre choix ne nous est pas parvenu. Veuillez réessayer.
decision-failed-body = Votre décision n’a pas été enregistrée. Veuillez réessayer.

## The email that carries a consent link.

email-link-subject = { $org } : votre consentement est demandé
email-link-heading = { $org } demande votre consentement
email-link-intro = { $org } demande votre consentement pour « { $collection } ». Découvrez l’usage prévu de vos données et décidez, finalité par finalité.
email-link-button = Consulter et décider
email-link-expiry = Ce lien est valable jusqu’au { $date }. Vous pourrez modifier ou retirer votre décision plus tard via ce même lien.
