/**
 * Curated actor tables used by scripts/build-actors.mjs. CAMEO codes follow the PETRARCH 2
 * dictionaries (MIT, Open Event Data Alliance) where they have one; codes marked "(dyad)" are ours,
 * built the CAMEO way (3-letter parts), for organisations PETRARCH does not know.
 */

/** PETRARCH country prefixes that are not ISO 3166-1 alpha-3, mapped to ours. */
export const CODE_MAP = {
  KSV: 'XKX', // Kosovo: PETRARCH uses the World Bank code, we use XKX
  TMP: 'TLS', // East Timor: old CAMEO code
};

/** PETRARCH prefixes of fictional test countries (CAMEO's "Kinakuta"): dropped. */
export const FICTIONAL = new Set(['KNT']);

/** [id, CAMEO code, type, names (first = display name)] */
export const IGOS = [
  // United Nations
  ['UN', 'IGOUNO', 'igo', ['United Nations', 'UN', 'U.N.', 'the United Nations', 'the UN', 'the U.N.', 'UN Secretariat', 'United Nations Secretariat']],
  ['UNSC', 'IGOUNO', 'igo', ['UN Security Council', 'Security Council', 'United Nations Security Council', 'U.N. Security Council', 'UNSC', 'the Security Council']],
  ['UNGA', 'IGOUNO', 'igo', ['UN General Assembly', 'United Nations General Assembly', 'U.N. General Assembly', 'UNGA', 'General Assembly']],
  ['UNSG', 'IGOUNO', 'igo', ['UN Secretary-General', 'UN Secretary General', 'United Nations Secretary-General', 'U.N. Secretary-General', 'UN chief', 'U.N. chief']],
  ['UNHCR', 'IGOUNOREFHCR', 'igo', ['UNHCR', 'UN refugee agency', 'U.N. refugee agency', 'UN High Commissioner for Refugees', 'United Nations High Commissioner for Refugees', 'Office of the United Nations High Commissioner for Refugees']],
  ['UNICEF', 'IGOUNOKID', 'igo', ['UNICEF', 'Unicef', "UN Children's Fund", "United Nations Children's Fund"]],
  ['WFP', 'IGOUNOWFP', 'igo', ['World Food Programme', 'WFP', 'World Food Program', 'UN World Food Programme']],
  ['UNDP', 'IGOUNODEV', 'igo', ['UNDP', 'UN Development Programme', 'United Nations Development Programme']],
  ['UNESCO', 'IGOUNODEV', 'igo', ['UNESCO', 'Unesco', 'United Nations Educational, Scientific and Cultural Organization']],
  ['UNRWA', 'IGOUNOREF', 'igo', ['UNRWA', 'UN agency for Palestinian refugees', 'United Nations Relief and Works Agency', 'UN Relief and Works Agency']], // (dyad)
  ['OHCHR', 'IGOUNOHRIHCH', 'igo', ['OHCHR', 'UN human rights office', 'U.N. human rights office', 'UN High Commissioner for Human Rights', 'Office of the High Commissioner for Human Rights']],
  ['UNHRC', 'IGOUNOHRI', 'igo', ['UN Human Rights Council', 'Human Rights Council', 'United Nations Human Rights Council', 'U.N. Human Rights Council']],
  ['OCHA', 'IGOUNO', 'igo', ['OCHA', 'UN Office for the Coordination of Humanitarian Affairs', 'UN humanitarian office', 'U.N. humanitarian office']],
  ['IAEA', 'IGOUNOIAE', 'igo', ['IAEA', 'International Atomic Energy Agency', 'UN nuclear watchdog', 'U.N. nuclear watchdog']],
  ['WHO', 'IGOUNOHLHWHO', 'igo', ['World Health Organization', 'WHO', 'World Health Organisation']],
  ['ILO', 'IGOUNOLABILO', 'igo', ['International Labour Organization', 'ILO', 'International Labor Organization', 'International Labour Organisation', 'International Labour Office', 'International Labor Office']],
  ['FAO', 'IGOUNOAGRFAO', 'igo', ['Food and Agriculture Organization', 'FAO', 'UN Food and Agriculture Organization']],
  ['ICJ', 'IGOUNOJUDICJ', 'igo', ['International Court of Justice', 'ICJ', 'World Court', 'the World Court']],
  ['ICC', 'IGOJUDICC', 'igo', ['International Criminal Court', 'ICC']],
  ['ICTY', 'IGOUNOJUDWCT', 'igo', ['International Criminal Tribunal for the former Yugoslavia', 'ICTY', 'Yugoslav war crimes tribunal']],
  ['UNPK', 'IGOUNOMIL', 'igo', ['UN peacekeepers', 'U.N. peacekeepers', 'UN peacekeeping force', 'United Nations peacekeepers', 'blue helmets', 'UN peacekeeping mission', 'UNIFIL', 'MONUSCO', 'MINUSMA', 'UNMISS', 'UNAMID', 'UNFICYP', 'UNDOF']], // (dyad: MIL part)
  ['IPCC', 'IGOUNOENV', 'igo', ['IPCC', 'Intergovernmental Panel on Climate Change']],
  ['UNEP', 'IGOUNOENV', 'igo', ['UNEP', 'UN Environment Programme', 'United Nations Environment Programme']],
  ['IOM', 'IGOUNOREF', 'igo', ['International Organization for Migration', 'IOM', 'UN migration agency']], // (dyad)
  ['UNFPA', 'IGOUNOHLH', 'igo', ['UNFPA', 'UN Population Fund', 'United Nations Population Fund']],
  ['UNCTAD', 'IGOUNODEV', 'igo', ['UNCTAD', 'UN Conference on Trade and Development']],
  // Finance and trade
  ['IMF', 'IGOBUSIMF', 'igo', ['International Monetary Fund', 'IMF']],
  ['WB', 'IGOUNODEVWBK', 'igo', ['World Bank', 'the World Bank', 'World Bank Group']],
  ['WTO', 'IGOBUSWTO', 'igo', ['World Trade Organization', 'WTO', 'World Trade Organisation']], // (dyad)
  ['OPEC', 'IGOOPC', 'igo', ['OPEC', 'Organization of the Petroleum Exporting Countries', 'Organization of Petroleum Exporting Countries', 'OPEC+', 'OPEC Plus']],
  ['OECD', 'IGOBUSOEC', 'igo', ['OECD', 'Organisation for Economic Co-operation and Development', 'Organization for Economic Cooperation and Development']], // (dyad)
  ['G7', 'IGOGOS', 'igo', ['G7', 'G-7', 'Group of Seven', 'G7 nations']],
  ['G8', 'IGOGOE', 'igo', ['G8', 'G-8', 'Group of Eight']],
  ['G20', 'IGOGTW', 'igo', ['G20', 'G-20', 'Group of 20', 'Group of Twenty']], // (dyad)
  ['G77', 'IGOBUSGSS', 'igo', ['G77', 'G-77', 'Group of 77']],
  ['BRICS', 'IGOBRI', 'igo', ['BRICS', 'BRICS nations', 'BRICS group']], // (dyad)
  ['BIS', 'IGOBUSBIS', 'igo', ['Bank for International Settlements', 'BIS']],
  ['EBRD', 'IGOEURDEVEBR', 'igo', ['European Bank for Reconstruction and Development', 'EBRD']],
  ['AIIB', 'IGOASADEV', 'igo', ['Asian Infrastructure Investment Bank', 'AIIB']], // (dyad)
  ['ADB', 'IGOASADEV', 'igo', ['Asian Development Bank', 'ADB']], // (dyad)
  ['IEA', 'IGOUNOAIE', 'igo', ['International Energy Agency', 'IEA']],
  // Europe
  ['EU', 'IGOEUREEC', 'igo', ['European Union', 'EU', 'E.U.', 'the European Union', 'the EU', 'Brussels']],
  // The EU's predecessors, as older wire copy names them (dyad).
  ['EEC', 'IGOEUREEC', 'igo', ['European Community', 'European Communities', 'European Economic Community', 'EEC', 'Common Market', 'European Common Market', 'European common market']],
  ['EC', 'IGOEUREEC', 'igo', ['European Commission', 'the European Commission', 'EU Commission', 'Berlaymont']],
  ['EP', 'IGOEUREECLEG', 'igo', ['European Parliament', 'the European Parliament', 'Europarliament']], // (dyad: LEG part)
  ['CEU', 'IGOEUREEC', 'igo', ['Council of the European Union', 'Council of the EU', 'EU Council', 'Council of Ministers of the EU']],
  ['EUCO', 'IGOEUREEC', 'igo', ['European Council', 'the European Council', 'EU summit', 'EU leaders']],
  ['ECB', 'IGOEUREECBUS', 'igo', ['European Central Bank', 'ECB']], // (dyad)
  ['EEAS', 'IGOEUREEC', 'igo', ['European External Action Service', 'EEAS', 'EU diplomatic service', 'EU foreign policy chief', 'EU High Representative']],
  ['FRONTEX', 'IGOEUREECCOP', 'igo', ['Frontex', 'European Border and Coast Guard Agency']], // (dyad)
  ['ECJ', 'IGOEUREECJUD', 'igo', ['European Court of Justice', 'ECJ', 'Court of Justice of the European Union']], // (dyad)
  ['COE', 'IGOEURCOE', 'igo', ['Council of Europe', 'the Council of Europe']],
  ['ECHR', 'IGOEURCOEJUD', 'igo', ['European Court of Human Rights', 'ECHR', 'Strasbourg court']], // (dyad)
  ['OSCE', 'IGOEURSCE', 'igo', ['OSCE', 'Organization for Security and Co-operation in Europe', 'Organization for Security and Cooperation in Europe', 'Organisation for Security and Co-operation in Europe']],
  ['MINSK-GROUP', 'IGOEURSCE', 'igo', ['Minsk Group', 'OSCE Minsk Group', 'the Minsk Group', 'Minsk Group co-chairs', 'Minsk Group co-chairmen']],
  ['EFTA', 'IGOEURBUSEFT', 'igo', ['European Free Trade Association', 'EFTA']],
  // Security
  ['NATO', 'IGOWSTNAT', 'igo', ['NATO', 'North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation', 'the Atlantic alliance', 'the North Atlantic alliance', 'Nato']],
  ['CSTO', 'IGOCASCST', 'igo', ['CSTO', 'Collective Security Treaty Organization', 'Collective Security Treaty Organisation']], // (dyad)
  ['SCO', 'IGOCAS', 'igo', ['Shanghai Cooperation Organization', 'SCO', 'Shanghai Cooperation Organisation']],
  ['CIS', 'IGOCASCIS', 'igo', ['Commonwealth of Independent States', 'CIS']],
  ['EAEU', 'IGOCASBUS', 'igo', ['Eurasian Economic Union', 'EAEU', 'Eurasian Union']], // (dyad)
  // Regional
  ['AU', 'IGOAFRAFU', 'igo', ['African Union', 'AU', 'the African Union', 'AU Peace and Security Council']],
  ['OAU', 'IGOAFROAU', 'igo', ['Organization of African Unity', 'OAU']],
  ['ARAB-LEAGUE', 'IGOMEAARL', 'igo', ['Arab League', 'the Arab League', 'League of Arab States']],
  ['OIC', 'IGOMOSOIC', 'igo', ['Organisation of Islamic Cooperation', 'Organization of Islamic Cooperation', 'OIC', 'Organization of the Islamic Conference', 'Organisation of the Islamic Conference']],
  ['GCC', 'IGOPGSGCC', 'igo', ['Gulf Cooperation Council', 'GCC', 'Gulf Co-operation Council', 'Cooperation Council for the Arab States of the Gulf']],
  ['ASEAN', 'IGOSEAASN', 'igo', ['ASEAN', 'Association of Southeast Asian Nations', 'Association of South East Asian Nations', 'Asean']],
  ['APEC', 'IGOASABUS', 'igo', ['APEC', 'Asia-Pacific Economic Cooperation']], // (dyad)
  ['ECOWAS', 'IGOWAFWAS', 'igo', ['ECOWAS', 'Economic Community of West African States', 'Ecowas']],
  ['SADC', 'IGOSAFSAD', 'igo', ['SADC', 'Southern African Development Community']],
  ['IGAD', 'IGOEAFDEVIAD', 'igo', ['IGAD', 'Intergovernmental Authority on Development']],
  ['EAC', 'IGOEAF', 'igo', ['East African Community', 'EAC']], // (dyad)
  ['ECCAS', 'IGOCAFECA', 'igo', ['Economic Community of Central African States', 'ECCAS']],
  ['OAS', 'IGOOAS', 'igo', ['Organization of American States', 'OAS']],
  ['MERCOSUR', 'IGOSAMBUS', 'igo', ['Mercosur', 'MERCOSUR', 'Southern Common Market']], // (dyad)
  ['CELAC', 'IGOSAM', 'igo', ['CELAC', 'Community of Latin American and Caribbean States']], // (dyad)
  ['CARICOM', 'IGOCRB', 'igo', ['CARICOM', 'Caribbean Community']],
  ['SAARC', 'IGOSASSAA', 'igo', ['SAARC', 'South Asian Association for Regional Cooperation']],
  ['COMMONWEALTH', 'IGOCWN', 'igo', ['Commonwealth of Nations', 'the Commonwealth']],
  ['NAM', 'IGONON', 'igo', ['Non-Aligned Movement', 'NAM']],
  ['INTERPOL', 'IGOCOPITP', 'igo', ['Interpol', 'INTERPOL', 'International Criminal Police Organization']],
  ['IPU', 'IGOLEGIPU', 'igo', ['Inter-Parliamentary Union', 'IPU']],
  ['OPCW', 'IGOUNO', 'igo', ['OPCW', 'Organisation for the Prohibition of Chemical Weapons', 'Organization for the Prohibition of Chemical Weapons', 'chemical weapons watchdog']], // (dyad)
  // NGOs
  ['ICRC', 'NGOHLHIRC', 'ngo', ['International Committee of the Red Cross', 'ICRC', 'Red Cross', 'the Red Cross', 'International Red Cross']],
  ['RED-CRESCENT', 'NGOHLHIRC', 'ngo', ['Red Crescent', 'Red Crescent Society', 'Palestinian Red Crescent', 'Turkish Red Crescent', 'Syrian Arab Red Crescent', 'IFRC', 'International Federation of Red Cross and Red Crescent Societies']],
  ['AMNESTY', 'NGOHRIAMN', 'ngo', ['Amnesty International', 'Amnesty']],
  ['HRW', 'NGOHRI', 'ngo', ['Human Rights Watch', 'HRW']],
  ['MSF', 'NGOHLHMSF', 'ngo', ['Doctors Without Borders', 'Medecins Sans Frontieres', 'Médecins Sans Frontières', 'MSF']],
  ['RSF', 'NGOHRIMED', 'ngo', ['Reporters Without Borders', 'Reporters Sans Frontieres', 'Reporters sans frontières']],
  ['CPJ', 'NGOHRIMED', 'ngo', ['Committee to Protect Journalists', 'CPJ']],
  ['OXFAM', 'NGODEV', 'ngo', ['Oxfam', 'Oxfam International']],
  ['SAVE-THE-CHILDREN', 'NGODEV', 'ngo', ['Save the Children']],
  ['CARE', 'NGODEV', 'ngo', ['CARE International']],
  ['IRC', 'NGOUSA', 'ngo', ['International Rescue Committee', 'IRC']],
  ['NRC', 'NGOREF', 'ngo', ['Norwegian Refugee Council', 'NRC']],
  ['ISLAMIC-RELIEF', 'NGOMOSDEV', 'ngo', ['Islamic Relief', 'Islamic Relief Worldwide']],
  ['GREENPEACE', 'NGOENV', 'ngo', ['Greenpeace']],
  ['TI', 'NGOHRI', 'ngo', ['Transparency International']],
  ['SOHR', 'NGOSYRHRI', 'ngo', ['Syrian Observatory for Human Rights', 'SOHR']],
  ['WHITE-HELMETS', 'NGOSYRHLH', 'ngo', ['White Helmets', 'Syria Civil Defence', 'Syrian Civil Defence']],
  ['CARITAS', 'NGOCHR', 'ngo', ['Caritas', 'Caritas Internationalis']],
  ['MDM', 'NGOHLH', 'ngo', ['Medecins du Monde', 'Médecins du Monde', 'Doctors of the World']],
  ['HALO', 'NGO', 'ngo', ['HALO Trust']],
  ['ICG', 'NGO', 'ngo', ['International Crisis Group', 'Crisis Group']],
  ['FREEDOM-HOUSE', 'NGOHRI', 'ngo', ['Freedom House']],
];

/** [id, CAMEO code, country (ISO-3 or null), role, names] */
export const GROUPS = [
  ['HAMAS', 'PSEREBHMS', 'PSE', 'REB', ['Hamas', 'Islamic Resistance Movement', 'Harakat al-Muqawama al-Islamiya', 'Ezzedine al-Qassam Brigades', 'Izz ad-Din al-Qassam Brigades', 'al-Qassam Brigades', 'Qassam Brigades']],
  ['PIJ', 'PSEREB', 'PSE', 'REB', ['Islamic Jihad', 'Palestinian Islamic Jihad', 'PIJ', 'Al-Quds Brigades']],
  ['FATAH', 'PSEPTY', 'PSE', 'PTY', ['Fatah', 'Fateh']],
  ['PLO', 'PSEGOV', 'PSE', 'GOV', ['Palestine Liberation Organization', 'PLO', 'Palestine Liberation Organisation']],
  ['AL-AQSA-BRIGADES', 'PSEREB', 'PSE', 'REB', ['Al-Aqsa Martyrs Brigades', "Al-Aqsa Martyrs' Brigades"]],
  ['PFLP', 'PSEREB', 'PSE', 'REB', ['Popular Front for the Liberation of Palestine', 'PFLP']],
  ['HEZBOLLAH', 'LBNREB', 'LBN', 'REB', ['Hezbollah', 'Hizbollah', 'Hizballah', 'Hizbullah', 'Hezbollah movement', 'Party of God']],
  ['AMAL', 'LBNPTY', 'LBN', 'PTY', ['Amal', 'Amal Movement']],
  ['HOUTHIS', 'YEMREB', 'YEM', 'REB', ['Houthis', 'Houthi', 'Huthis', 'Huthi', 'Houthi rebels', 'Ansar Allah', 'Ansarallah', 'Houthi movement']],
  ['AQAP', 'IMGMUSALQ', null, 'REB', ['al-Qaeda in the Arabian Peninsula', 'AQAP']],
  ['TALIBAN', 'AFGREB', 'AFG', 'REB', ['Taliban', 'the Taliban', 'Taleban', 'Afghan Taliban']],
  ['TTP', 'PAKREB', 'PAK', 'REB', ['Tehrik-i-Taliban Pakistan', 'Tehreek-e-Taliban Pakistan', 'TTP', 'Pakistani Taliban']],
  ['HAQQANI', 'AFGREB', 'AFG', 'REB', ['Haqqani network', 'Haqqani Network']],
  ['ISIS', 'IMGMUSISI', null, 'REB', ['Islamic State', 'the Islamic State', 'ISIS', 'ISIL', 'IS', 'Daesh', 'Daech', 'Islamic State of Iraq and the Levant', 'Islamic State of Iraq and Syria', 'Islamic State group', 'IS group']],
  ['ISKP', 'IMGMUSISI', null, 'REB', ['Islamic State Khorasan', 'ISIS-K', 'IS-K', 'ISKP', 'Islamic State Khorasan Province']],
  ['ISWAP', 'IMGMUSISI', null, 'REB', ['Islamic State West Africa Province', 'ISWAP']],
  ['AL-QAEDA', 'IMGMUSALQ', null, 'REB', ['al-Qaeda', 'Al-Qaeda', 'al Qaeda', 'Al Qaeda', 'al-Qaida', 'Al-Qaida', 'al Qaida', 'Qaeda']],
  ['AQIM', 'IMGMUSALQ', null, 'REB', ['al-Qaeda in the Islamic Maghreb', 'AQIM']],
  ['JNIM', 'IMGMUSALQ', null, 'REB', ['Jama\'at Nusrat al-Islam wal-Muslimin', 'JNIM', 'Group for the Support of Islam and Muslims']],
  ['AL-SHABAAB', 'SOMREB', 'SOM', 'REB', ['al-Shabaab', 'Al-Shabaab', 'al-Shabab', 'Al-Shabab', 'Shabaab', 'Harakat al-Shabaab al-Mujahideen']],
  ['BOKO-HARAM', 'NGAREB', 'NGA', 'REB', ['Boko Haram', 'Jama\'atu Ahlis Sunna Lidda\'awati wal-Jihad']],
  ['HTS', 'SYRREB', 'SYR', 'REB', ['Hayat Tahrir al-Sham', 'HTS', 'Hayat Tahrir al-Cham', 'Tahrir al-Sham', 'Jabhat al-Nusra', 'Nusra Front', 'al-Nusra Front', 'Jabhat Fateh al-Sham']],
  ['FSA', 'SYRREB', 'SYR', 'REB', ['Free Syrian Army', 'FSA']],
  ['SNA', 'SYRREB', 'SYR', 'REB', ['Syrian National Army', 'Turkish-backed Syrian National Army']],
  ['SDF', 'SYRREB', 'SYR', 'REB', ['Syrian Democratic Forces', 'SDF']],
  ['YPG', 'SYRREB', 'SYR', 'REB', ["People's Protection Units", 'YPG', 'YPJ', "Women's Protection Units"]],
  ['PYD', 'SYRPTY', 'SYR', 'PTY', ['Democratic Union Party', 'PYD']],
  ['PKK', 'TURREB', 'TUR', 'REB', ["Kurdistan Workers' Party", 'Kurdistan Workers Party', 'PKK', 'Partiya Karkeren Kurdistane']],
  ['PJAK', 'IRNREB', 'IRN', 'REB', ['Party for a Free Life in Kurdistan', 'PJAK']],
  ['PMF', 'IRQMIL', 'IRQ', 'MIL', ['Popular Mobilization Forces', 'Popular Mobilisation Forces', 'Hashed al-Shaabi', 'Hashd al-Shaabi', 'PMF']],
  ['KATAIB-HEZBOLLAH', 'IRQREB', 'IRQ', 'REB', ['Kataib Hezbollah', "Kata'ib Hezbollah", 'Kataeb Hezbollah']],
  ['PESHMERGA', 'IRQMIL', 'IRQ', 'MIL', ['Peshmerga', 'Kurdish Peshmerga']],
  ['MUSLIM-BROTHERHOOD', 'EGYOPP', 'EGY', 'OPP', ['Muslim Brotherhood', 'the Muslim Brotherhood', 'Ikhwan']],
  ['WAGNER', 'RUSMIL', 'RUS', 'MIL', ['Wagner Group', 'Wagner', 'Wagner mercenaries', 'PMC Wagner', 'Africa Corps']],
  ['RSF-SUDAN', 'SDNREB', 'SDN', 'REB', ['Rapid Support Forces', 'RSF', 'Rapid Support Force']],
  ['JANJAWEED', 'SDNREB', 'SDN', 'REB', ['Janjaweed', 'Janjawid']],
  ['SPLM-IO', 'SSDREB', 'SSD', 'REB', ['SPLM-IO', 'SPLA-IO', 'Sudan People\'s Liberation Movement-in-Opposition']],
  ['M23', 'CODREB', 'COD', 'REB', ['M23', 'March 23 Movement', 'M23 rebels', 'AFC/M23', 'Congo River Alliance']],
  ['ADF', 'CODREB', 'COD', 'REB', ['Allied Democratic Forces']],
  ['FDLR', 'CODREB', 'COD', 'REB', ['Democratic Forces for the Liberation of Rwanda', 'FDLR']],
  ['TPLF', 'ETHREB', 'ETH', 'REB', ['Tigray People\'s Liberation Front', 'TPLF', 'Tigrayan forces', 'Tigray Defence Forces', 'TDF']],
  ['OLA', 'ETHREB', 'ETH', 'REB', ['Oromo Liberation Army', 'OLA']],
  ['FANO', 'ETHREB', 'ETH', 'REB', ['Fano', 'Fano militia']],
  ['LTTE', 'LKAREB', 'LKA', 'REB', ['Liberation Tigers of Tamil Eelam', 'LTTE', 'Tamil Tigers']],
  ['FARC', 'COLREB', 'COL', 'REB', ['Revolutionary Armed Forces of Colombia', 'FARC', 'FARC-EP', 'FARC dissidents']],
  ['ELN', 'COLREB', 'COL', 'REB', ['National Liberation Army', 'ELN']],
  ['LET', 'PAKREB', 'PAK', 'REB', ['Lashkar-e-Taiba', 'Lashkar-e-Toiba', 'LeT']],
  ['JEM', 'PAKREB', 'PAK', 'REB', ['Jaish-e-Mohammed', 'Jaish-e-Muhammad', 'JeM']],
  ['BLA', 'PAKREB', 'PAK', 'REB', ['Balochistan Liberation Army', 'BLA']],
  ['ABU-SAYYAF', 'PHLREB', 'PHL', 'REB', ['Abu Sayyaf', 'Abu Sayyaf Group']],
  ['NPA', 'PHLREB', 'PHL', 'REB', ["New People's Army", 'NPA']],
  ['MILF', 'PHLREB', 'PHL', 'REB', ['Moro Islamic Liberation Front', 'MILF']],
  ['LRA', 'UGAREB', 'UGA', 'REB', ["Lord's Resistance Army", 'LRA']],
  ['POLISARIO', 'ESHREB', 'ESH', 'REB', ['Polisario Front', 'Polisario']],
  ['ANSAR-DINE', 'MLIREB', 'MLI', 'REB', ['Ansar Dine']],
  ['MNLA', 'MLIREB', 'MLI', 'REB', ['National Movement for the Liberation of Azawad', 'MNLA']],
  ['ARAKAN-ARMY', 'MMRREB', 'MMR', 'REB', ['Arakan Army']],
  ['ARSA', 'MMRREB', 'MMR', 'REB', ['Arakan Rohingya Salvation Army', 'ARSA']],
  ['PDF-MMR', 'MMRREB', 'MMR', 'REB', ["People's Defence Force", "People's Defense Force"]],
  ['KIA', 'MMRREB', 'MMR', 'REB', ['Kachin Independence Army']],
  ['IRA', 'GBRREB', 'GBR', 'REB', ['Irish Republican Army', 'IRA', 'Real IRA', 'New IRA']],
  ['ETA', 'ESPREB', 'ESP', 'REB', ['ETA', 'Euskadi Ta Askatasuna']],
  ['AZOV', 'UKRMIL', 'UKR', 'MIL', ['Azov Battalion', 'Azov Regiment', 'Azov Brigade']],
  ['DPR', 'UKRREB', 'UKR', 'REB', ["Donetsk People's Republic", 'DPR', "Luhansk People's Republic", 'LPR', 'pro-Russian separatists']],
  ['KARABAKH-FORCES', 'ARMREB', 'ARM', 'REB', ['Artsakh Defence Army', 'Nagorno-Karabakh Defence Army', 'Karabakh Defence Army']],
  ['SHINING-PATH', 'PERREB', 'PER', 'REB', ['Shining Path', 'Sendero Luminoso']],
  ['CJNG', 'MEXCRM', 'MEX', 'CRM', ['Jalisco New Generation Cartel', 'CJNG']],
  ['SINALOA', 'MEXCRM', 'MEX', 'CRM', ['Sinaloa Cartel', 'Sinaloa cartel']],
  ['TREN-DE-ARAGUA', 'VENCRM', 'VEN', 'CRM', ['Tren de Aragua']],
  ['HAITI-GANGS', 'HTICRM', 'HTI', 'CRM', ['Viv Ansanm', 'G9', 'G9 an Fanmi e Alye']],
  ['JAMAAT-E-ISLAMI', 'PAKPTY', 'PAK', 'PTY', ['Jamaat-e-Islami']],
  ['PTI', 'PAKPTY', 'PAK', 'PTY', ['Pakistan Tehreek-e-Insaf', 'Pakistan Tehrik-e-Insaf', 'PTI']],
  ['AKP', 'TURPTY', 'TUR', 'PTY', ['Justice and Development Party', 'AKP', 'AK Party']],
  ['CHP', 'TURPTY', 'TUR', 'PTY', ["Republican People's Party", 'CHP']],
  ['HDP', 'TURPTY', 'TUR', 'PTY', ["Peoples' Democratic Party", 'HDP', 'DEM Party']],
  ['LIKUD', 'ISRPTY', 'ISR', 'PTY', ['Likud']],
  ['ANC', 'ZAFPTY', 'ZAF', 'PTY', ['African National Congress', 'ANC']],
  ['BJP', 'INDPTY', 'IND', 'PTY', ['Bharatiya Janata Party', 'BJP']],
  ['INC', 'INDPTY', 'IND', 'PTY', ['Indian National Congress', 'Congress party']],
  ['UNITED-RUSSIA', 'RUSPTY', 'RUS', 'PTY', ['United Russia']],
  ['CCP', 'CHNPTY', 'CHN', 'PTY', ['Chinese Communist Party', 'Communist Party of China', 'CCP', 'CPC']],
  ['GOP', 'USAPTY', 'USA', 'PTY', ['Republican Party', 'GOP', 'Republicans']],
  ['DEMOCRATS', 'USAPTY', 'USA', 'PTY', ['Democratic Party', 'Democrats']],
  ['CIVIL-CONTRACT', 'ARMPTY', 'ARM', 'PTY', ['Civil Contract']],
  ['YAP', 'AZEPTY', 'AZE', 'PTY', ['New Azerbaijan Party', 'Yeni Azerbaijan']],
  ['SYRIAN-OPPOSITION', 'SYROPP', 'SYR', 'OPP', ['Syrian National Coalition', 'Syrian opposition', 'National Coalition for Syrian Revolutionary and Opposition Forces']],
];

/**
 * Role words: [id, CAMEO sector, title, person?, words (lower case, singular)].
 * Sectors from CAMEO; words from Phoenix.agents.txt (PETRARCH 2, MIT) and our own.
 */
export const ROLES = [
  // GOV: persons
  ['president', 'GOV', 'President', true, ['president', 'head of state', 'president-elect', 'interim president', 'acting president']],
  // The head of an organisation's secretariat (the organisation gives the code).
  ['secretary-general', 'GOV', 'Secretary-General', true, ['secretary general', 'secretary-general', 'general secretary', 'deputy secretary general', 'deputy secretary-general', 'under-secretary-general', 'under secretary general']],
  ['vice-president', 'GOV', 'Vice President', true, ['vice president', 'vice-president', 'vice-presidential']],
  ['prime-minister', 'GOV', 'Prime Minister', true, ['prime minister', 'premier', 'head of government', 'chancellor', 'pm', 'taoiseach', 'acting prime minister', 'caretaker prime minister']],
  ['deputy-prime-minister', 'GOV', 'Deputy Prime Minister', true, ['deputy prime minister', 'vice premier', 'vice-premier', 'deputy premier', 'vice chancellor']],
  ['foreign-minister', 'GOV', 'Foreign Minister', true, ['foreign minister', 'minister of foreign affairs', 'foreign affairs minister', 'foreign secretary', 'top diplomat', 'secretary of state', 'minister for foreign affairs', 'external affairs minister', 'minister of external affairs', 'chief diplomat']],
  ['defence-minister', 'GOV', 'Defence Minister', true, ['defence minister', 'defense minister', 'minister of defence', 'minister of defense', 'defence secretary', 'defense secretary', 'secretary of defense', 'secretary of war', 'war minister', 'minister for defence', 'minister of national defence', 'minister of national defense', 'armed forces minister']],
  ['interior-minister', 'GOV', 'Interior Minister', true, ['interior minister', 'minister of interior', 'minister of the interior', 'home secretary', 'home minister', 'home affairs minister', 'homeland security secretary']],
  ['finance-minister', 'GOV', 'Finance Minister', true, ['finance minister', 'minister of finance', 'treasury secretary', 'chancellor of the exchequer', 'economy minister', 'minister of economy', 'economics minister']],
  ['justice-minister', 'JUD', 'Justice Minister', true, ['justice minister', 'minister of justice', 'attorney general', 'attorney-general', 'justice secretary']],
  ['minister', 'GOV', 'Minister', true, ['minister', 'cabinet minister', 'secretary', 'deputy minister', 'state minister', 'minister of state', 'vice minister', 'undersecretary', 'under secretary', 'cabinet secretary']],
  ['king', 'GOV', 'King', true, ['king', 'queen', 'monarch', 'emir', 'amir', 'sultan', 'crown prince', 'sheikh', 'emperor', 'grand duke', 'prince']],
  ['supreme-leader', 'GOV', 'Supreme Leader', true, ['supreme leader', 'ayatollah']],
  ['ambassador', 'GOV', 'Ambassador', true, ['ambassador', 'envoy', 'special envoy', 'consul', 'consul general', 'charge d\'affaires', 'chargé d\'affaires', 'emissary', 'special representative', 'high commissioner', 'permanent representative']],
  ['spokesman', 'GOV', 'Spokesperson', true, ['spokesman', 'spokeswoman', 'spokesperson', 'press secretary', 'mouthpiece']],
  ['governor', 'GOV', 'Governor', true, ['governor', 'provincial governor', 'regional governor', 'mayor', 'prefect', 'chief minister']],
  ['adviser', 'GOV', 'Adviser', true, ['adviser', 'advisor', 'aide', 'national security adviser', 'chief of staff']],
  ['leader', 'GOV', 'Leader', true, ['leader', 'ruler', 'strongman', 'dictator', 'head of the government', 'autocrat']],
  ['official', 'GOV', 'official', false, ['official', 'government official', 'senior official', 'civil servant', 'bureaucrat', 'functionary', 'officeholder']],
  ['diplomat', 'GOV', 'diplomat', false, ['diplomat', 'diplomatic source', 'negotiator', 'mediator']],
  // GOV: bodies
  ['government', 'GOV', 'government', false, ['government', 'administration', 'regime', 'authority', 'cabinet', 'presidency', 'junta', 'state', 'leadership', 'kremlin', 'palace', 'caretaker government', 'interim government', 'transitional government', 'coalition government', 'council of ministers']],
  ['ministry', 'GOV', 'ministry', false, ['ministry', 'foreign ministry', 'ministry of foreign affairs', 'foreign office', 'state department', 'department', 'interior ministry', 'ministry of interior', 'finance ministry', 'treasury', 'government agency', 'agency']],
  ['embassy', 'GOV', 'embassy', false, ['embassy', 'consulate', 'mission', 'legation', 'diplomatic mission']],
  ['state-media', 'GOV', 'state media', false, ['state media', 'state television', 'state tv', 'state news agency', 'official news agency', 'state broadcaster', 'state-run media', 'state-run television', 'state-run news agency']],
  // MIL
  ['defence-ministry', 'MIL', 'defence ministry', false, ['defence ministry', 'defense ministry', 'ministry of defence', 'ministry of defense', 'defence department', 'defense department', 'department of defense', 'war ministry']],
  ['military', 'MIL', 'military', false, ['military', 'army', 'armed force', 'troop', 'soldier', 'force', 'navy', 'air force', 'marine', 'infantry', 'artillery', 'armed services', 'military force', 'ground force', 'land force', 'special force', 'paratrooper', 'commando', 'sailor', 'airman', 'warplane', 'jet', 'fighter jet', 'warship', 'drone', 'tank', 'helicopter gunship', 'gunship', 'bomber', 'submarine', 'frigate', 'destroyer', 'aircraft carrier', 'battalion', 'brigade', 'division', 'regiment', 'unit', 'garrison', 'military base', 'air base', 'naval base', 'national guard', 'coast guard', 'reservist', 'conscript', 'peacekeeper', 'military advisor', 'military adviser', 'defense force', 'defence force', 'missile', 'military intelligence', 'general staff', 'revolutionary guard']],
  ['general', 'MIL', 'General', true, ['general', 'army chief', 'chief of staff of the army', 'chief of general staff', 'chief of the general staff', 'military chief', 'commander', 'commander-in-chief', 'admiral', 'colonel', 'lieutenant', 'lieutenant general', 'major general', 'brigadier', 'brigadier general', 'field marshal', 'marshal', 'major', 'captain', 'military commander', 'military officer', 'officer', 'army commander', 'chief of defence staff', 'chief of defense staff']],
  // COP
  ['police', 'COP', 'police', false, ['police', 'policeman', 'policewoman', 'police officer', 'cop', 'riot police', 'gendarme', 'gendarmerie', 'security force', 'security service', 'security personnel', 'security agent', 'border guard', 'border police', 'border patrol', 'law enforcement', 'law enforcement officer', 'interior ministry troop', 'paramilitary police', 'constable', 'sheriff', 'detective', 'prison guard', 'jailer', 'customs officer', 'counter-terrorism police', 'anti-terrorism unit', 'police chief', 'police commissioner']],
  // JUD
  ['court', 'JUD', 'court', false, ['court', 'supreme court', 'constitutional court', 'high court', 'appeals court', 'court of appeal', 'tribunal', 'judiciary', 'military court', 'criminal court', 'magistrate court', 'prosecutor\'s office', 'prosecution', 'public prosecutor']],
  ['judge', 'JUD', 'Judge', true, ['judge', 'justice', 'chief justice', 'magistrate', 'prosecutor', 'prosecutor general', 'prosecutor-general', 'chief prosecutor', 'investigating judge']],
  // LEG
  ['parliament', 'LEG', 'parliament', false, ['parliament', 'legislature', 'congress', 'senate', 'house of representatives', 'national assembly', 'assembly', 'lower house', 'upper house', 'chamber of deputies', 'parliamentary committee', 'committee', 'duma', 'knesset', 'majlis', 'lawmaking body']],
  ['lawmaker', 'LEG', 'lawmaker', true, ['lawmaker', 'legislator', 'mp', 'member of parliament', 'parliamentarian', 'deputy', 'senator', 'congressman', 'congresswoman', 'representative', 'speaker', 'parliament speaker', 'speaker of parliament', 'assemblyman']],
  // OPP / PTY
  ['opposition', 'OPP', 'opposition', false, ['opposition', 'opposition party', 'opposition leader', 'opposition figure', 'dissident', 'opposition activist', 'opponent', 'critic', 'government critic', 'exile', 'opposition coalition']],
  ['party', 'PTY', 'party', false, ['party', 'ruling party', 'political party', 'party official', 'party leader', 'party member', 'politician', 'candidate', 'coalition partner']],
  // REB / INS / SEP / RAD / UAF
  ['rebel', 'REB', 'rebel', false, ['rebel', 'rebel group', 'rebel force', 'rebel fighter', 'rebel commander', 'militant', 'militant group', 'jihadist', 'jihadi', 'islamist militant', 'militia', 'militiaman', 'militia group', 'guerrilla', 'guerilla', 'fighter', 'mujahideen', 'mujahedeen', 'armed group', 'armed faction', 'paramilitary', 'paramilitary group', 'mercenary', 'foreign fighter', 'terrorist', 'terrorist group', 'terror group', 'extremist', 'suicide bomber', 'armed opposition', 'resistance fighter']],
  ['insurgent', 'INS', 'insurgent', false, ['insurgent', 'insurgency', 'insurgent group']],
  ['separatist', 'SEP', 'separatist', false, ['separatist', 'secessionist', 'separatist rebel', 'separatist group', 'breakaway force', 'separatist force', 'independence movement']],
  ['radical', 'RAD', 'radical', false, ['radical', 'hardliner', 'hard-liner', 'fundamentalist', 'ultranationalist', 'ultra-nationalist', 'neo-nazi']],
  ['gunman', 'UAF', 'armed men', false, ['gunman', 'gunmen', 'armed man', 'armed men', 'assailant', 'attacker', 'unidentified gunman', 'masked gunman', 'sniper', 'kidnapper', 'abductor', 'hijacker', 'shooter']],
  // MED
  ['media', 'MED', 'media', false, ['media', 'journalist', 'reporter', 'correspondent', 'newspaper', 'news agency', 'broadcaster', 'television', 'tv station', 'radio', 'radio station', 'press', 'editor', 'columnist', 'blogger', 'news outlet', 'daily', 'weekly', 'magazine', 'photographer', 'cameraman', 'news website', 'publisher']],
  // EDU
  ['education', 'EDU', 'education', false, ['student', 'university', 'teacher', 'professor', 'school', 'academic', 'scholar', 'researcher', 'lecturer', 'pupil', 'schoolchild', 'college', 'campus', 'university student', 'student union']],
  // BUS
  ['business', 'BUS', 'business', false, ['company', 'firm', 'business', 'businessman', 'businesswoman', 'businessperson', 'corporation', 'executive', 'ceo', 'chief executive', 'investor', 'bank', 'banker', 'trader', 'merchant', 'industrialist', 'entrepreneur', 'oligarch', 'tycoon', 'manufacturer', 'conglomerate', 'oil company', 'energy company', 'employer', 'shipping company', 'airline', 'contractor', 'chamber of commerce', 'stock exchange']],
  // CVL
  ['civilian', 'CVL', 'civilians', false, ['civilian', 'resident', 'villager', 'citizen', 'people', 'population', 'inhabitant', 'local', 'townspeople', 'passer-by', 'bystander', 'crowd', 'public', 'family', 'child', 'woman', 'man', 'pilgrim', 'tourist', 'passenger', 'voter', 'electorate', 'shopkeeper', 'consumer', 'taxpayer']],
  ['protester', 'CVL', 'protesters', false, ['protester', 'protestor', 'demonstrator', 'marcher', 'rioter', 'mob', 'activist', 'campaigner', 'crowd of protester', 'striker', 'picketer', 'rally']],
  // REF
  ['refugee', 'REF', 'refugees', false, ['refugee', 'migrant', 'asylum seeker', 'asylum-seeker', 'displaced person', 'internally displaced person', 'idp', 'evacuee', 'exile community', 'stateless person', 'returnee', 'displaced']],
  // HLH
  ['health', 'HLH', 'health', false, ['doctor', 'physician', 'nurse', 'hospital', 'medic', 'paramedic', 'health worker', 'medical worker', 'health official', 'clinic', 'surgeon', 'health ministry', 'ministry of health', 'health authority', 'health department']],
  // NGO / HRI
  ['ngo', 'NGO', 'non-governmental organisation', false, ['aid group', 'aid agency', 'aid organization', 'aid organisation', 'aid worker', 'humanitarian group', 'humanitarian organization', 'humanitarian organisation', 'humanitarian worker', 'charity', 'ngo', 'non-governmental organization', 'non-governmental organisation', 'relief agency', 'relief group', 'relief worker', 'volunteer']],
  ['rights-group', 'HRI', 'human rights group', false, ['rights group', 'human rights group', 'human rights organization', 'human rights organisation', 'rights activist', 'human rights activist', 'rights campaigner', 'human rights defender', 'watchdog', 'monitor', 'monitoring group', 'ombudsman']],
  // LAB / AGR
  ['labour', 'LAB', 'labour', false, ['union', 'trade union', 'labor union', 'labour union', 'worker', 'labourer', 'laborer', 'employee', 'miner', 'docker', 'union leader', 'trade unionist', 'workforce', 'unionist']],
  ['agriculture', 'AGR', 'agriculture', false, ['farmer', 'peasant', 'herder', 'rancher', 'fisherman', 'grower', 'farm worker', 'farmworker', 'agricultural worker', 'sharecropper', 'cattle herder', 'pastoralist']],
  // ELI
  ['elite', 'ELI', 'elite', false, ['former president', 'ex-president', 'former prime minister', 'ex-prime minister', 'former leader', 'elder statesman', 'tribal leader', 'tribal elder', 'elder', 'clan leader', 'royal family', 'notable', 'dignitary']],
  // CRM
  ['criminal', 'CRM', 'criminals', false, ['criminal', 'gang', 'gang member', 'gangster', 'smuggler', 'trafficker', 'drug trafficker', 'human trafficker', 'people smuggler', 'drug lord', 'cartel', 'drug cartel', 'mafia', 'mobster', 'pirate', 'bandit', 'thief', 'robber', 'kidnapping gang', 'crime syndicate', 'hacker', 'fugitive', 'poacher']],
  // REL
  ['religion', 'REL', 'religious', false, ['cleric', 'imam', 'mullah', 'priest', 'bishop', 'archbishop', 'cardinal', 'pope', 'rabbi', 'monk', 'nun', 'pastor', 'preacher', 'church', 'mosque', 'clergy', 'clergyman', 'mufti', 'grand mufti', 'patriarch', 'religious leader', 'sheikh al-azhar', 'missionary', 'dalai lama']],
  // SPY
  ['intelligence', 'SPY', 'intelligence', false, ['intelligence agency', 'intelligence service', 'spy agency', 'spy', 'intelligence officer', 'intelligence official', 'secret service', 'secret police', 'intelligence chief', 'spymaster', 'operative', 'agent', 'counterintelligence']],
  // ENV / other sectors used by PETRARCH
  ['environment', 'ENV', 'environmental', false, ['environmentalist', 'environmental group', 'green group', 'climate activist', 'conservationist']],
  ['legal', 'JUD', 'lawyer', true, ['lawyer', 'attorney', 'defence lawyer', 'defense lawyer', 'defense attorney', 'barrister', 'solicitor', 'legal team']],
];
