## This language's own name, as the language switcher shows it.

language-name = ગુજરાતી

## The hosted consent page.

page-language = ભાષા
page-asks-consent = { $org } તમારી સંમતિ માગે છે
page-notice = સૂચના
page-purposes = તમારા ડેટાનો ઉપયોગ શાના માટે થશે
page-purposes-hint = તમે જે હેતુઓ સાથે સંમત છો તેના પર ટિક કરો, પછી તમારી પસંદગી સાચવો. અથવા બધાને મંજૂર કે નામંજૂર કરો.
page-required = જરૂરી
page-data-used = વપરાતો ડેટા: { $categories }
page-approve = મંજૂર કરો
page-decline = નામંજૂર કરો
page-save = પસંદગી સાચવો
page-withdraw = સંમતિ પાછી ખેંચો
page-receipt-title = તમારો નિર્ણય નોંધાઈ ગયો છે
page-receipt-summary =
    { $action ->
        [approved] તમે { $date } ના રોજ બધા હેતુઓ મંજૂર કર્યા.
        [declined] તમે { $date } ના રોજ બધા હેતુઓ નામંજૂર કર્યા.
        [withdrawn] તમે { $date } ના રોજ તમારી સંમતિ પાછી ખેંચી.
       *[partial] તમે { $date } ના રોજ કેટલાક હેતુઓ મંજૂર કર્યા.
    }
page-granted = મંજૂરી છે
page-not-granted = મંજૂરી નથી
page-reference = સંદર્ભ: { $reference }
page-change-hint = તમે આ જ લિંક દ્વારા ગમે ત્યારે તમારો નિર્ણય બદલી શકો છો અથવા પાછો ખેંચી શકો છો.
page-receipt-download = સહી કરેલી રસીદ ડાઉનલોડ કરો
page-export = તમારી સંમતિ વિશે નોંધાયેલું બધું ડાઉનલોડ કરો
page-valid-until = આ લિંક { $date } સુધી કામ કરશે.
page-expired-title = આ લિંકની મુદત પૂરી થઈ ગઈ છે
page-expired-body = સંમતિ લિંક મર્યાદિત સમય માટે જ કામ કરે છે. જે સંસ્થાએ તે મોકલી છે તેની પાસેથી નવી લિંક માગો.
page-replaced-title = આ લિંક બદલવામાં આવી છે
page-replaced-body = આ વિનંતી માટે નવી લિંક મોકલવામાં આવી છે. કૃપા કરીને તમને મળેલો સૌથી તાજેતરનો સંદેશ વાપરો.
page-unknown-title = લિંક મળી નથી
page-unknown-body = આ સંમતિ લિંક અસ્તિત્વમાં નથી. તમે આખી લિંક ખોલી છે કે નહીં તે તપાસો.
page-error-title = કંઈક ખોટું થયું
page-error-body = કૃપા કરીને થોડી વાર પછી ફરી પ્રયાસ કરો.

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] આ લિંક પરથી ટૂંકા સમયમાં ઘણા નિર્ણયો લેવાયા છે. તમારી છેલ્લી પસંદગી સાચવવામાં આવી નથી; { $minutes } મિનિટ પછી ફરી પ્રયાસ કરો.
       *[other] આ લિંક પરથી ટૂંકા સમયમાં ઘણા નિર્ણયો લેવાયા છે. તમારી છેલ્લી પસંદગી સાચવવામાં આવી નથી; { $minutes } મિનિટ પછી ફરી પ્રયાસ કરો.
    }
decision-missing = કોઈ એક વિકલ્પ પસંદ કરો: “મંજૂર કરો”, “પસંદગી સાચવો” અથવા “નામંજૂર કરો”.
decision-invalid = આ પસંદગી સાચવી શકાતી નથી: આ પેજ ખોલ્યા પછી સૂચના બદલાઈ ગઈ છે. પેજ ફરીથી લોડ કરો અને ફરી પસંદ કરો.
decision-unreadable = તમારી પસંદગી અમને મળી નથી. કૃપા કરીને ફરી પ્રયાસ કરો.
decision-failed-body = તમારો નિર્ણય સાચવવામાં આવ્યો નથી. કૃપા કરીને ફરી પ્રયાસ કરો.

## The email that carries a consent link.

email-link-subject = { $org }: તમારી સંમતિ માટે વિનંતી
email-link-heading = { $org } તમારી સંમતિ માગે છે
email-link-intro = { $org } “{ $collection }” માટે તમારી સંમતિ માગે છે. તેઓ તમારા ડેટા સાથે શું કરવા માગે છે તે વાંચો અને દરેક હેતુ માટે અલગથી નિર્ણય લો.
email-link-button = વાંચો અને નિર્ણય લો
email-link-expiry = આ લિંક { $date } સુધી કામ કરશે. તમે પછીથી આ જ લિંક દ્વારા તમારો નિર્ણય બદલી શકો છો અથવા પાછો ખેંચી શકો છો.
