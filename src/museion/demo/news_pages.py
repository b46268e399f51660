"""The standing pages and newsletter lists of the news demo (`manage.py load_news_demo`).

The Code of Ethics page only summarises the real ICOM Code of Ethics and links to it.
"""

CODE_OF_ETHICS_URL = "https://icom.museum/en/resources/standards-guidelines/code-of-ethics/"

# slug -> language -> (title, body); English first, it is the original the others translate.
PAGES = {
    "about": {
        "en": (
            "About Museion",
            "Museion is the public platform of a worldwide network of museums and museum "
            "professionals.\n\n"
            "- **International Museum Day**: every 18 May, museums register their activities "
            "and visitors find them on a map.\n"
            "- **General Conference**: the programme, registration and participant pages.\n"
            "- **News and newsletters**: stories from the network, in several languages.\n\n"
            "Museion is open source and offers an open API for everything it publishes.",
        ),
        "fr": (
            "À propos de Museion",
            "Museion est la plateforme publique d'un réseau mondial de musées et de "
            "professionnels des musées.\n\n"
            "- **Journée internationale des musées** : chaque 18 mai, les musées inscrivent "
            "leurs activités et le public les retrouve sur une carte.\n"
            "- **Conférence générale** : programme, inscriptions et pages des participants.\n"
            "- **Actualités et lettres d'information** : les nouvelles du réseau, en plusieurs "
            "langues.\n\n"
            "Museion est un logiciel libre et offre une API ouverte pour tout ce qu'il publie.",
        ),
        "es": (
            "Acerca de Museion",
            "Museion es la plataforma pública de una red mundial de museos y profesionales de "
            "museos.\n\n"
            "- **Día Internacional de los Museos**: cada 18 de mayo, los museos registran sus "
            "actividades y el público las encuentra en un mapa.\n"
            "- **Conferencia General**: programa, inscripciones y páginas de participantes.\n"
            "- **Noticias y boletines**: las novedades de la red, en varios idiomas.\n\n"
            "Museion es software libre y ofrece una API abierta para todo lo que publica.",
        ),
    },
    "code-of-ethics": {
        "en": (
            "Code of Ethics",
            "Members of the network follow the **ICOM Code of Ethics for Museums**. It sets "
            "minimum standards of professional practice; in short, its principles say that "
            "museums:\n\n"
            "1. preserve, interpret and promote the natural and cultural heritage of humanity;\n"
            "2. hold their collections in trust for the benefit of society;\n"
            "3. hold primary evidence for establishing and furthering knowledge;\n"
            "4. help the public appreciate, understand and manage that heritage;\n"
            "5. hold resources that serve other public services;\n"
            "6. work closely with the communities their collections come from and those they "
            "serve;\n"
            "7. operate in a legal manner;\n"
            "8. operate in a professional manner.\n\n"
            "This is a summary only. Read the full text on the ICOM website: "
            f"[ICOM Code of Ethics for Museums]({CODE_OF_ETHICS_URL}).",
        ),
        "fr": (
            "Code de déontologie",
            "Les membres du réseau suivent le **Code de déontologie de l'ICOM pour les "
            "musées**. Il fixe des normes minimales de pratique professionnelle ; en bref, "
            "ses principes disent que les musées :\n\n"
            "1. préservent, interprètent et mettent en valeur le patrimoine naturel et "
            "culturel de l'humanité ;\n"
            "2. détiennent leurs collections au bénéfice de la société ;\n"
            "3. détiennent des témoignages de premier ordre pour constituer et approfondir "
            "les connaissances ;\n"
            "4. aident le public à apprécier, comprendre et gérer ce patrimoine ;\n"
            "5. détiennent des ressources utiles à d'autres services publics ;\n"
            "6. travaillent en étroite collaboration avec les communautés d'où proviennent "
            "leurs collections et avec celles qu'ils servent ;\n"
            "7. agissent dans la légalité ;\n"
            "8. agissent de manière professionnelle.\n\n"
            "Ceci n'est qu'un résumé. Lisez le texte complet sur le site de l'ICOM : "
            f"[Code de déontologie de l'ICOM pour les musées]({CODE_OF_ETHICS_URL}).",
        ),
        "es": (
            "Código de Deontología",
            "Los miembros de la red siguen el **Código de Deontología del ICOM para los "
            "Museos**. Establece normas mínimas de práctica profesional; en resumen, sus "
            "principios dicen que los museos:\n\n"
            "1. preservan, interpretan y promueven el patrimonio natural y cultural de la "
            "humanidad;\n"
            "2. custodian sus colecciones en beneficio de la sociedad;\n"
            "3. conservan testimonios primarios para crear y profundizar conocimientos;\n"
            "4. ayudan al público a apreciar, comprender y gestionar ese patrimonio;\n"
            "5. poseen recursos útiles para otros servicios públicos;\n"
            "6. trabajan en estrecha colaboración con las comunidades de las que proceden sus "
            "colecciones y con las que atienden;\n"
            "7. actúan ateniéndose a la legalidad;\n"
            "8. actúan de manera profesional.\n\n"
            "Esto es solo un resumen. Lea el texto completo en el sitio del ICOM: "
            f"[Código de Deontología del ICOM para los Museos]({CODE_OF_ETHICS_URL}).",
        ),
    },
    "privacy": {
        "en": (
            "Privacy",
            "We collect only what the services need:\n\n"
            "- **Accounts** of museum editors and coordinators: name, e-mail address and the "
            "museums they edit.\n"
            "- **Newsletter**: your e-mail address, your lists, and a record of when and how "
            "you agreed. Every message has a link to unsubscribe or change your preferences.\n"
            "- **Conference registration**: what the registration form asks for, kept until "
            "the accounts of the conference are closed.\n\n"
            "We use no advertising or tracking cookies and sell no data. To see, correct or "
            "erase what we hold about you, write to privacy@museion.example.",
        ),
        "fr": (
            "Confidentialité",
            "Nous ne collectons que ce dont les services ont besoin :\n\n"
            "- **Comptes** des éditeurs et coordinateurs des musées : nom, adresse e-mail et "
            "musées qu'ils gèrent.\n"
            "- **Lettre d'information** : votre adresse e-mail, vos listes, et la trace de "
            "votre consentement. Chaque message contient un lien pour vous désabonner ou "
            "modifier vos préférences.\n"
            "- **Inscription à la conférence** : ce que demande le formulaire, conservé "
            "jusqu'à la clôture des comptes de la conférence.\n\n"
            "Aucun cookie publicitaire ou de suivi, aucune donnée vendue. Pour consulter, "
            "corriger ou effacer vos données, écrivez à privacy@museion.example.",
        ),
        "es": (
            "Privacidad",
            "Solo recogemos lo que los servicios necesitan:\n\n"
            "- **Cuentas** de editores y coordinadores de museos: nombre, correo electrónico y "
            "museos que editan.\n"
            "- **Boletín**: su correo electrónico, sus listas y el registro de su "
            "consentimiento. Cada mensaje incluye un enlace para darse de baja o cambiar sus "
            "preferencias.\n"
            "- **Inscripción a la conferencia**: lo que pide el formulario, conservado hasta el "
            "cierre de las cuentas de la conferencia.\n\n"
            "No usamos cookies publicitarias ni de seguimiento y no vendemos datos. Para "
            "consultar, corregir o borrar sus datos, escriba a privacy@museion.example.",
        ),
    },
}

# slug, language, topic, name, description
LISTS = [
    (
        "museum-day-en",
        "en",
        "Museum Day",
        "Museum Day news",
        "The theme, the map and the highlights of International Museum Day.",
    ),
    (
        "museum-day-fr",
        "fr",
        "Museum Day",
        "Journée des musées",
        "Le thème, la carte et les temps forts de la Journée internationale des musées.",
    ),
    (
        "museum-day-es",
        "es",
        "Museum Day",
        "Día de los Museos",
        "El tema, el mapa y lo más destacado del Día Internacional de los Museos.",
    ),
    (
        "general-conference-en",
        "en",
        "General Conference",
        "General Conference",
        "Programme, registration and practical information for the General Conference.",
    ),
    (
        "general-conference-fr",
        "fr",
        "General Conference",
        "Conférence générale",
        "Programme, inscriptions et informations pratiques de la Conférence générale.",
    ),
    (
        "general-conference-es",
        "es",
        "General Conference",
        "Conferencia General",
        "Programa, inscripciones e información práctica de la Conferencia General.",
    ),
]
