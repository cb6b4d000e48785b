import type { UnmetCode } from '../unmet';

export const nl: Record<UnmetCode, string> = {
  'hearing.date_missing':
    'De datum van het verhoor ontbreekt. Vul de dag in waarop het verhoor plaatsvindt.',
  'hearing.date_mismatch':
    'De datum van het verhoor ({{hearingDate}}) is niet de dag waarop het verhoor begint ({{startDate}}, Belgische tijd). Verbeter de datum van het verhoor.',
  'rules.not_in_force':
    'De regels in deze toepassing gelden voor verhoren vanaf {{validFrom}}. Controleer de datum van het verhoor; vraag voor een eerder verhoor raad aan uw juridisch adviseur.',
  'rules.rule_outside_validity':
    'De regel “{{rule}}” is vastgesteld voor verhoren in een andere periode dan deze (veel regels beschrijven het recht van 2008–2009). Hij werd toegepast zoals hij luidt: laat uw juridisch adviseur hem bevestigen vóór het verhoor verzegeld wordt.',

  'order.missing':
    'Er is geen bevel tot opname ingevuld. Een verhoor mag alleen gefilmd worden op bevel van de procureur des Konings of de onderzoeksrechter: vul in wie het bevel gaf, de referentie en de datum.',
  'order.incomplete':
    'Het bevel tot opname is niet volledig. Vul het aangeduide veld in: wie het bevel gaf, de naam van de magistraat, de referentie, de datum, het misdrijf en of de persoon slachtoffer of getuige is.',
  'order.date_after_hearing':
    'Het bevel tot opname is gedateerd op {{orderDate}}, na het verhoor ({{hearingDate}}). Het bevel moet er zijn vóór het verhoor: controleer de datum van het bevel.',
  'order.decided_not_to_record':
    'De magistraat heeft beslist dat dit verhoor niet gefilmd mag worden. Neem niet op; neem het verhoor op de gewone manier af.',
  'order.decision_without_reasons':
    'De beslissing om niet te filmen is niet gemotiveerd. De magistraat moet redenen geven: vul ze in zoals ze in de beslissing staan.',
  'order.offence_out_of_scope':
    'Voor dit misdrijf is een gefilmd verhoor van een kwetsbare meerderjarige niet voorzien. Controleer het misdrijf met de magistraat die het bevel gaf.',

  'person.missing':
    'De te verhoren persoon is niet ingevuld. Vul de naam, de geboortedatum, de taal en de categorie in.',
  'person.incomplete':
    'Er ontbreken gegevens over de te verhoren persoon. Vul het aangeduide veld in.',
  'person.date_of_birth_missing':
    'De geboortedatum ontbreekt. Vul de geboortedatum in of, als die niet zeker is, de vroegst en de laatst mogelijke datum uit de leeftijdsbepaling.',
  'person.date_of_birth_range_inverted':
    'De vroegst mogelijke geboortedatum ligt na de laatst mogelijke. Verbeter de twee datums uit de leeftijdsbepaling.',
  'person.born_after_hearing':
    'De geboortedatum ligt na de datum van het verhoor. Controleer de geboortedatum en de datum van het verhoor.',
  'person.out_of_scope':
    "Op de dag van het verhoor is deze persoon {{majorityAge}} jaar of ouder: dit is geen verhoor van een minderjarige. Is de persoon een kwetsbare meerderjarige, kies dan de categorie 'kwetsbare meerderjarige'; anders is deze procedure niet van toepassing.",
  'person.vulnerable_adults_out_of_scope':
    'De gebruikte regels voorzien geen gefilmd verhoor van kwetsbare meerderjarigen. Deze persoon is op de dag van het verhoor meerderjarig: deze procedure is niet van toepassing.',
  'person.category_should_be_minor':
    "Op de dag van het verhoor is deze persoon jonger dan {{majorityAge}} jaar, of mogelijk jonger: de persoon moet als minderjarige verhoord worden. Kies de categorie 'minderjarige'.",
  'person.accompaniment_unknown':
    'De verhoorde persoon is een vreemdeling: noteer of hij of zij in België begeleid is door een ouder of voogd. Een niet-begeleide minderjarige heeft een voogd nodig.',
  'guardian.office_not_warned':
    'Deze minderjarige is niet begeleid, is geen onderdaan van de EER (of de nationaliteit is niet gekend) en heeft nog geen voogd. Verwittig onmiddellijk telefonisch de Dienst Voogdij en noteer wanneer, door wie, en de referentie als de dienst er een geeft. Een dringend verhoor mag doorgaan, maar de melding moet genoteerd zijn vóór het verhoor verzegeld wordt.',
  'guardian.incomplete':
    'Er ontbreken gegevens over de voogd of over de melding aan de Dienst Voogdij. Vul het aangeduide veld in.',
  'guardian.eea_circular':
    'Deze niet-begeleide minderjarige is onderdaan van de EER: de voogdijwet is niet van toepassing, maar een minderjarige in een kwetsbare situatie (onder meer een slachtoffer van mensenhandel) valt onder de omzendbrief van 2 augustus 2007. Volg die omzendbrief en verwittig de magistraat.',
  'age_assessment.incomplete':
    'De leeftijdsbepaling is niet volledig genoteerd. Vul het aangeduide veld in: de methode (en bij een medisch onderzoek welke röntgenfoto’s), de dag en het resultaat als laagste en hoogste leeftijd.',
  'age_assessment.range_inverted':
    'De laagste vastgestelde leeftijd is hoger dan de hoogste. Verbeter het resultaat van de leeftijdsbepaling.',

  'consent.missing':
    'De toestemming om te filmen is niet genoteerd. Een kind van {{consentAge}} jaar of ouder, en elke volwassene, moet ermee instemmen gefilmd te worden: vraag het, en noteer het antwoord, wie het vroeg, wanneer en in welke taal.',
  'consent.incomplete':
    'De toestemming is niet volledig genoteerd. Vul het aangeduide veld in: het antwoord, wie het vroeg, wanneer, in welke taal en de woorden die de persoon gebruikte.',
  'consent.refused':
    'De verhoorde persoon wil niet gefilmd worden. Neem niet op en verwittig de magistraat.',
  'consent.withdrawn':
    'De verhoorde persoon heeft de toestemming ingetrokken. Stop de opname, start ze niet opnieuw en verwittig de magistraat.',
  'consent.language_not_understood':
    'De toestemming werd gevraagd in een taal ({{language}}) die niet genoteerd is als een taal die de persoon begrijpt. Vraag het opnieuw in de taal van de persoon, zo nodig via een tolk, of noteer de talen die de persoon begrijpt.',
  'consent.interpreter_not_named':
    'De toestemming werd gevraagd in een andere taal dan die van het verhoor, maar de tolk is niet vermeld. Noteer via wie de toestemming werd gevraagd.',
  'information.missing':
    'Het kind is jonger dan {{consentAge}} jaar: het beslist niet zelf, maar moet te horen krijgen dat het verhoor gefilmd wordt. Zeg het aan het kind en noteer wie het zei, wanneer en in welke taal.',
  'information.incomplete':
    'Er is niet volledig genoteerd dat het kind werd ingelicht. Vul het aangeduide veld in: wie het kind inlichtte, wanneer en in welke taal.',
  'information.language_not_understood':
    'Het kind werd ingelicht in een taal ({{language}}) die niet genoteerd is als een taal die het kind begrijpt. Licht het kind opnieuw in in zijn taal, zo nodig via een tolk, of noteer de talen die het kind begrijpt.',
  'information.interpreter_not_named':
    'Het kind werd ingelicht in een andere taal dan die van het verhoor, maar de tolk is niet vermeld. Noteer via wie het kind werd ingelicht.',

  'person_of_trust.undecided':
    'Er is niet genoteerd of het kind een vertrouwenspersoon wil. Vraag het kind welke volwassene het bij zich wil, of dat het niemand wil, en noteer het antwoord. Als de magistraat de eerste persoon weigerde, mag het kind iemand anders of niemand kiezen.',
  'person_of_trust.incomplete':
    'Er ontbreken gegevens over de vertrouwenspersoon. Vul het aangeduide veld in.',
  'person_of_trust.under_age':
    'De vertrouwenspersoon is {{age}} jaar op de dag van het verhoor en moet minstens {{minimumAge}} zijn. Vraag het kind een volwassene te kiezen, of niemand.',
  'person_of_trust.refusal_without_reasons':
    'De weigering door de magistraat van de gekozen persoon als vertrouwenspersoon is niet gemotiveerd. Alleen een met redenen omklede beslissing van de magistraat kan de persoon die het kind koos weigeren: vul de redenen in zoals ze in de beslissing staan.',
  'person_of_trust.refused_person_chosen':
    'Het kind koos dezelfde persoon die de magistraat weigerde. Vraag het kind iemand anders te kiezen, of niemand.',

  'attendee.incomplete':
    'Er ontbreken gegevens over een aanwezige. Vul het aangeduide veld voor die persoon in.',
  'attendee.interviewer_missing':
    'Er is geen verhoorder aanwezig. Een opgeleide verhoorder moet het verhoor afnemen: voeg die toe aan de aanwezigen.',
  'attendee.interviewer_training_missing':
    '{{name}} staat als verhoorder vermeld zonder referentie van een opleiding. Vul de referentie in van de opleiding in het verhoren van minderjarigen (bijvoorbeeld het TAM-brevet).',
  'attendee.technician_missing':
    'Er is geen technicus aanwezig. Een lid van het technisch personeel moet vanuit de regiekamer de opname verzorgen: voeg die toe aan de aanwezigen.',
  'attendee.psychologist_missing':
    'Er is geen psycholoog of psychiater aanwezig. Een van beiden moet het verhoor bijwonen: voeg die toe aan de aanwezigen.',
  'attendee.person_of_trust_missing':
    'Het kind koos een vertrouwenspersoon, maar die staat niet bij de aanwezigen. Voeg die persoon toe, of noteer een nieuwe keuze van het kind.',
  'attendee.left_before_arrival':
    'Bij {{name}} ligt het uur van vertrek vóór het uur van aankomst. Verbeter de uren.',
  'attendee.interpreter_languages_missing':
    '{{name}} staat als tolk vermeld zonder de getolkte talen. Vul de talen in.',
  'attendee.interpreter_sworn_reference_missing':
    '{{name}} staat als tolk vermeld zonder referentie als beëdigd tolk. Vul de referentie van de eed of van de inschrijving in vóór het verhoor verzegeld wordt.',
  'interpreter.missing':
    'De verhoorde persoon spreekt {{language}}, dat niet de taal van het verhoor is, en er is geen tolk voor die taal aanwezig. Voeg een tolk toe aan de aanwezigen, met de getolkte talen.',

  'room.not_confirmed':
    'Niemand heeft de controle van het lokaal bevestigd. Controleer het verhoorlokaal en de apparatuur, en noteer wie dat deed en wanneer.',
  'room.not_child_friendly':
    'Het verhoorlokaal is niet bevestigd als kindvriendelijk. Gebruik een lokaal dat ingericht is voor het verhoor van kinderen en vink dan het vakje aan.',
  'room.equipment_not_checked':
    "De opnameapparatuur is niet gecontroleerd. Test de camera's en de microfoons en vink dan het vakje aan.",
  'follow_up.reception_centre_not_contacted':
    'Er is geen gespecialiseerd opvangcentrum gecontacteerd. Een slachtoffer van mensenhandel moet met een centrum in contact gebracht worden (Payoke, Sürya, Pag-Asa; voor een kind ook Esperanto, Minor Ndako of Juna): noteer welk, wanneer en door wie.',
  'follow_up.reception_centre_unknown':
    'Het genoteerde opvangcentrum staat niet in de lijst van de regels. Kies het centrum uit de lijst.',
  'follow_up.centre_for_minors_only':
    'Het genoteerde opvangcentrum vangt alleen kinderen op, en deze persoon is meerderjarig. Contacteer Payoke, Sürya of Pag-Asa.',
  'follow_up.brochure_not_handed':
    'Er is niet genoteerd dat de informatiebrochure voor slachtoffers van mensenhandel werd overhandigd. Overhandig ze in een taal die de persoon begrijpt en noteer de taal, wanneer en door wie.',
  'follow_up.reflection_period_not_noted':
    'De reflectieperiode is niet genoteerd. Noteer de dag waarop ze begint: het einde volgt uit de regels (drie maanden voor een kind, 45 dagen voor een meerderjarige).',
  'follow_up.guardian_not_informed':
    'Er is niet genoteerd dat de voogd over de opvolging werd ingelicht. Licht de voogd in en noteer wanneer en door wie.',
  'follow_up.incomplete':
    'De beschermende opvolging is niet volledig genoteerd. Vul het aangeduide veld in.',
};
