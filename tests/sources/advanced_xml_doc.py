# ruff: noqa: E501  (XML text laid out like OFAC's files)
"""A small but complete document in OFAC's advanced XML format, for tests that edit it.

Two parties: a vessel owned by an entity that has a bitcoin address, a website and an
unmapped feature. Reference value ids are those of OFAC's files (cons_advanced 2020, the
SDN_ADVANCED 2024 fragments); the parties are made up ("TEST"), not OFAC data.
"""

from __future__ import annotations

CURRENT_NS = (
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML"
)
OLD_NS = "http://www.un.org/sanctions/1.0"

_BODY = """
  <DateOfIssue CalendarTypeID="1"><Year>2024</Year><Month>3</Month><Day>6</Day></DateOfIssue>
  <ReferenceValueSets>
    <AliasTypeValues><AliasType ID="1400">A.K.A.</AliasType><AliasType ID="1403">Name</AliasType>
    </AliasTypeValues>
    <AreaCodeValues />
    <CalendarTypeValues><CalendarType ID="1">Gregorian</CalendarType></CalendarTypeValues>
    <CountryValues><Country ID="11171" ISO2="RU">Russia</Country>
      <Country ID="11159" ISO2="PA">Panama</Country></CountryValues>
    <CountryRelevanceValues><CountryRelevance ID="1413">PRIMARY</CountryRelevance>
    </CountryRelevanceValues>
    <DetailTypeValues><DetailType ID="1431">LOOKUP</DetailType><DetailType ID="1432">TEXT</DetailType>
    </DetailTypeValues>
    <DetailReferenceValues><DetailReference ID="702">Bulk Carrier</DetailReference>
    </DetailReferenceValues>
    <DocNameStatusValues><DocNameStatus ID="1">Primary Latin</DocNameStatus>
      <DocNameStatus ID="2">Others</DocNameStatus></DocNameStatusValues>
    <EntryEventTypeValues><EntryEventType ID="1">Created</EntryEventType></EntryEventTypeValues>
    <FeatureTypeValues>
      <FeatureType ID="1" FeatureTypeGroupID="1">Vessel Call Sign</FeatureType>
      <FeatureType ID="2" FeatureTypeGroupID="1">VESSEL TYPE</FeatureType>
      <FeatureType ID="3" FeatureTypeGroupID="1">Vessel Flag</FeatureType>
      <FeatureType ID="14" FeatureTypeGroupID="1">Website</FeatureType>
      <FeatureType ID="25" FeatureTypeGroupID="1">Location</FeatureType>
      <FeatureType ID="344" FeatureTypeGroupID="1">Digital Currency Address - XBT</FeatureType>
      <FeatureType ID="646" FeatureTypeGroupID="1">Organization Established Date</FeatureType>
    </FeatureTypeValues>
    <FeatureTypeGroupValues><FeatureTypeGroup ID="1">Unknown</FeatureTypeGroup></FeatureTypeGroupValues>
    <IDRegDocTypeValues><IDRegDocType ID="1626">Vessel Registration Identification</IDRegDocType>
    </IDRegDocTypeValues>
    <IdentityFeatureLinkTypeValues><IdentityFeatureLinkType ID="1">Unknown</IdentityFeatureLinkType>
    </IdentityFeatureLinkTypeValues>
    <ListValues><List ID="1550">SDN List</List></ListValues>
    <LocPartTypeValues><LocPartType ID="1451">ADDRESS1</LocPartType><LocPartType ID="1454">CITY</LocPartType>
    </LocPartTypeValues>
    <LocPartValueStatusValues><LocPartValueStatus ID="1">Main</LocPartValueStatus>
    </LocPartValueStatusValues>
    <LocPartValueTypeValues><LocPartValueType ID="1">Unknown</LocPartValueType>
    </LocPartValueTypeValues>
    <NamePartTypeValues><NamePartType ID="1525">Entity Name</NamePartType>
      <NamePartType ID="1526">Vessel Name</NamePartType></NamePartTypeValues>
    <PartySubTypeValues><PartySubType ID="1" PartyTypeID="4">Vessel</PartySubType>
      <PartySubType ID="3" PartyTypeID="2">Unknown</PartySubType></PartySubTypeValues>
    <PartyTypeValues><PartyType ID="2">Entity</PartyType><PartyType ID="4">Transport</PartyType>
    </PartyTypeValues>
    <RelationQualityValues><RelationQuality ID="1">Unknown</RelationQuality></RelationQualityValues>
    <RelationTypeValues><RelationType ID="15003" Symmetrical="false">Owned or Controlled By</RelationType>
    </RelationTypeValues>
    <ReliabilityValues><Reliability ID="1">Unknown</Reliability></ReliabilityValues>
    <SanctionsTypeValues><SanctionsType ID="1">Program</SanctionsType>
      <SanctionsType ID="1705">Block</SanctionsType></SanctionsTypeValues>
    <ScriptValues><Script ID="215" ScriptCode="Latin">Latin</Script>
      <Script ID="220" ScriptCode="Cyrl">Cyrillic</Script></ScriptValues>
    <ScriptStatusValues><ScriptStatus ID="1">Unknown</ScriptStatus></ScriptStatusValues>
    <ValidityValues><Validity ID="1">Valid</Validity></ValidityValues>
  </ReferenceValueSets>
  <Locations>
    <Location ID="7001">
      <LocationCountry CountryID="11171" CountryRelevanceID="1413" />
      <LocationPart LocPartTypeID="1451">
        <LocationPartValue Primary="true" LocPartValueTypeID="1" LocPartValueStatusID="1">
          <Value>1 Test Street</Value></LocationPartValue></LocationPart>
      <LocationPart LocPartTypeID="1454">
        <LocationPartValue Primary="true" LocPartValueTypeID="1" LocPartValueStatusID="1">
          <Value>Moscow</Value></LocationPartValue></LocationPart>
    </Location>
  </Locations>
  <IDRegDocuments>
    <IDRegDocument ID="8001" IDRegDocTypeID="1626" IdentityID="502" IssuedBy-CountryID="11159" ValidityID="1">
      <IDRegistrationNo>IMO 9999999</IDRegistrationNo>
    </IDRegDocument>
  </IDRegDocuments>
  <DistinctParties>
    <DistinctParty FixedRef="9001">
      <Comment>TEST party, not OFAC data</Comment>
      <Profile ID="9001" PartySubTypeID="3">
        <Identity ID="501" FixedRef="9001" Primary="true" False="false">
          <Alias FixedRef="9001" AliasTypeID="1403" Primary="true" LowQuality="false">
            <DocumentedName ID="601" FixedRef="9001" DocNameStatusID="2">
              <DocumentedNamePart><NamePartValue NamePartGroupID="701" ScriptID="220" ScriptStatusID="1"
                Acronym="false">ТЕСТ ТРЕЙДИНГ</NamePartValue></DocumentedNamePart>
            </DocumentedName>
            <DocumentedName ID="602" FixedRef="9001" DocNameStatusID="1">
              <DocumentedNamePart><NamePartValue NamePartGroupID="702" ScriptID="215" ScriptStatusID="1"
                Acronym="false">Test Trading LLC</NamePartValue></DocumentedNamePart>
            </DocumentedName>
          </Alias>
          <Alias FixedRef="9001" AliasTypeID="1400" Primary="false" LowQuality="true">
            <DocumentedName ID="603" FixedRef="9001" DocNameStatusID="2">
              <DocumentedNamePart><NamePartValue NamePartGroupID="703" ScriptID="215" ScriptStatusID="1"
                Acronym="false">TT</NamePartValue></DocumentedNamePart>
            </DocumentedName>
          </Alias>
          <NamePartGroups>
            <MasterNamePartGroup><NamePartGroup ID="701" NamePartTypeID="1525" />
              <NamePartGroup ID="702" NamePartTypeID="1525" /></MasterNamePartGroup>
            <MasterNamePartGroup><NamePartGroup ID="703" NamePartTypeID="1525" /></MasterNamePartGroup>
          </NamePartGroups>
        </Identity>
        <Feature ID="801" FeatureTypeID="344">
          <FeatureVersion ID="901" ReliabilityID="1">
            <VersionDetail DetailTypeID="1432">1TestBitcoinAddressXyz</VersionDetail></FeatureVersion>
          <IdentityReference IdentityID="501" IdentityFeatureLinkTypeID="1" />
        </Feature>
        <Feature ID="802" FeatureTypeID="14">
          <FeatureVersion ID="902" ReliabilityID="1">
            <VersionDetail DetailTypeID="1432">www.test.example</VersionDetail></FeatureVersion>
          <IdentityReference IdentityID="501" IdentityFeatureLinkTypeID="1" />
        </Feature>
        <Feature ID="803" FeatureTypeID="646">
          <FeatureVersion ID="903" ReliabilityID="1">
            <DatePeriod CalendarTypeID="1" YearFixed="false" MonthFixed="false" DayFixed="false">
              <Start Approximate="false" YearFixed="false" MonthFixed="false" DayFixed="false">
                <From><Year>1994</Year><Month>7</Month><Day>1</Day></From></Start>
              <End Approximate="false" YearFixed="false" MonthFixed="false" DayFixed="false">
                <To><Year>1994</Year><Month>7</Month><Day>31</Day></To></End>
            </DatePeriod></FeatureVersion>
          <IdentityReference IdentityID="501" IdentityFeatureLinkTypeID="1" />
        </Feature>
        <Feature ID="804" FeatureTypeID="25">
          <FeatureVersion ID="904" ReliabilityID="1"><VersionLocation LocationID="7001" /></FeatureVersion>
          <IdentityReference IdentityID="501" IdentityFeatureLinkTypeID="1" />
        </Feature>
      </Profile>
    </DistinctParty>
    <DistinctParty FixedRef="9002">
      <Profile ID="9002" PartySubTypeID="1">
        <Identity ID="502" FixedRef="9002" Primary="true" False="false">
          <Alias FixedRef="9002" AliasTypeID="1403" Primary="true" LowQuality="false">
            <DocumentedName ID="604" FixedRef="9002" DocNameStatusID="1">
              <DocumentedNamePart><NamePartValue NamePartGroupID="704" ScriptID="215" ScriptStatusID="1"
                Acronym="false">Test Star</NamePartValue></DocumentedNamePart>
            </DocumentedName>
          </Alias>
          <NamePartGroups>
            <MasterNamePartGroup><NamePartGroup ID="704" NamePartTypeID="1526" /></MasterNamePartGroup>
          </NamePartGroups>
        </Identity>
        <Feature ID="805" FeatureTypeID="1">
          <FeatureVersion ID="905" ReliabilityID="1">
            <VersionDetail DetailTypeID="1432">TEST7</VersionDetail></FeatureVersion>
          <IdentityReference IdentityID="502" IdentityFeatureLinkTypeID="1" />
        </Feature>
        <Feature ID="806" FeatureTypeID="2">
          <FeatureVersion ID="906" ReliabilityID="1">
            <VersionDetail DetailTypeID="1431" DetailReferenceID="702" /></FeatureVersion>
          <IdentityReference IdentityID="502" IdentityFeatureLinkTypeID="1" />
        </Feature>
        <Feature ID="807" FeatureTypeID="3">
          <FeatureVersion ID="907" ReliabilityID="1">
            <VersionDetail DetailTypeID="1432">Panama</VersionDetail></FeatureVersion>
          <IdentityReference IdentityID="502" IdentityFeatureLinkTypeID="1" />
        </Feature>
      </Profile>
    </DistinctParty>
  </DistinctParties>
  <ProfileRelationships>
    <ProfileRelationship ID="1001" From-ProfileID="9002" To-ProfileID="9001" RelationTypeID="15003"
      RelationQualityID="1" Former="false" SanctionsEntryID="9002" />
  </ProfileRelationships>
  <SanctionsEntries>
    <SanctionsEntry ID="9001" ProfileID="9001" ListID="1550">
      <EntryEvent ID="9001" EntryEventTypeID="1">
        <Date CalendarTypeID="1"><Year>2019</Year><Month>5</Month><Day>2</Day></Date></EntryEvent>
      <SanctionsMeasure ID="1" SanctionsTypeID="1705"><DatePeriod CalendarTypeID="1" YearFixed="true"
        MonthFixed="true" DayFixed="true" /></SanctionsMeasure>
      <SanctionsMeasure ID="2" SanctionsTypeID="1"><Comment>CYBER2</Comment><DatePeriod
        CalendarTypeID="1" YearFixed="true" MonthFixed="true" DayFixed="true" /></SanctionsMeasure>
    </SanctionsEntry>
    <SanctionsEntry ID="9002" ProfileID="9002" ListID="1550">
      <EntryEvent ID="9002" EntryEventTypeID="1">
        <Date CalendarTypeID="1"><Year>2020</Year><Month>2</Month><Day>29</Day></Date></EntryEvent>
      <SanctionsMeasure ID="3" SanctionsTypeID="1"><Comment>CYBER2</Comment><DatePeriod
        CalendarTypeID="1" YearFixed="true" MonthFixed="true" DayFixed="true" /></SanctionsMeasure>
    </SanctionsEntry>
  </SanctionsEntries>
  <SanctionsEntryLinks />
"""


def advanced_doc(namespace: str | None = CURRENT_NS, *, prolog: str = "") -> str:
    """The document as text, with the root in ``namespace`` (``None``: no namespace)."""
    xmlns = f' xmlns="{namespace}"' if namespace else ""
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n{prolog}'
        f'<Sanctions{xmlns} Version="3">{_BODY}</Sanctions>\n'
    )
