## This language's own name, as the language switcher shows it.

language-name = Español

## The hosted consent page.

page-language = Idioma
page-asks-consent = { $org } solicita su consentimiento
page-notice = Aviso
page-purposes = Para qué se usarán sus datos
page-purposes-hint = Marque las finalidades que acepta y, a continuación, guarde su selección. También puede aceptarlas o rechazarlas todas.
page-required = Obligatorio
page-data-used = Datos utilizados: { $categories }
page-approve = Aceptar
page-decline = Rechazar
page-save = Guardar selección
page-withdraw = Retirar el consentimiento
page-receipt-title = Su decisión ha quedado registrada
page-receipt-summary =
    { $action ->
        [approved] Aceptó todas las finalidades el { $date }.
        [declined] Rechazó todas las finalidades el { $date }.
        [withdrawn] Retiró su consentimiento el { $date }.
       *[partial] Aceptó algunas finalidades el { $date }.
    }
page-granted = Permitido
page-not-granted = No permitido
page-reference = Referencia: { $reference }
page-change-hint = Puede cambiar o retirar su decisión en cualquier momento a través de este mismo enlace.
page-receipt-download = Descargar el comprobante firmado
page-export = Descargar todo lo registrado sobre su consentimiento
page-valid-until = Este enlace es válido hasta el { $date }.
page-expired-title = Este enlace ha caducado
page-expired-body = Los enlaces de consentimiento son válidos durante un tiempo limitado. Solicite uno nuevo a la organización que se lo envió.
page-replaced-title = Este enlace ha sido sustituido
page-replaced-body = Se ha enviado un enlace más reciente para esta solicitud. Utilice el último mensaje que haya recibido.
page-unknown-title = Enlace no encontrado
page-unknown-body = Este enlace de consentimiento no existe. Compruebe que ha abierto el enlace completo.
page-error-title = Se ha producido un error
page-error-body = Vuelva a intentarlo en unos momentos.

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] Se han tomado muchas decisiones con este enlace en poco tiempo. Su última selección no se ha guardado; vuelva a intentarlo dentro de { $minutes } minuto.
        [many] Se han tomado muchas decisiones con este enlace en poco tiempo. Su última selección no se ha guardado; vuelva a intentarlo dentro de { $minutes } minutos.
       *[other] Se han tomado muchas decisiones con este enlace en poco tiempo. Su última selección no se ha guardado; vuelva a intentarlo dentro de { $minutes } minutos.
    }
decision-missing = Elija una opción: “Aceptar”, “Guardar selección” o “Rechazar”.
decision-invalid = Esta selección no se puede guardar: el aviso ha cambiado desde que se abrió esta página. Recargue la página y elija de nuevo.
decision-unreadable = Su selección no ha llegado. Vuelva a intentarlo.
decision-failed-body = Su decisión no se ha guardado. Vuelva a intentarlo.

## The email that carries a consent link.

email-link-subject = { $org }: se solicita su consentimiento
email-link-heading = { $org } solicita su consentimiento
email-link-intro = { $org } solicita su consentimiento para “{ $collection }”. Consulte el uso previsto de sus datos y decida finalidad por finalidad.
email-link-button = Revisar y decidir
email-link-expiry = El enlace es válido hasta el { $date }. Más adelante podrá cambiar o retirar su decisión a través del mismo enlace.
